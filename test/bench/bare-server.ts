/**
 * The HTTP ceiling for the bench: a bare `node:http` server that answers each path with a fixed JSON body, the API's
 * own answer to it, read from the file named by argv[2] (an object of bodies by path), on the port argv[3]. Run as its
 * own process, as the API is. A path it was not given is answered 404, which the load counts as a failure.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const bodies = new Map<string, Buffer>(
  Object.entries(JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as Record<string, string>).map(
    ([path, body]) => [path, Buffer.from(body)],
  ),
);
createServer((request, response) => {
  const body = bodies.get(request.url ?? '');
  if (body === undefined) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': body.length,
  });
  response.end(body);
}).listen(Number(process.argv[3]), '127.0.0.1');
