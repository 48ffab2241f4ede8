/**
 * The HTTP ceiling for the bench: a bare `node:http` server that answers every request with the same JSON body,
 * read from the file named by argv[2], on the port argv[3]. Run as its own process, as the API is.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const body = readFileSync(process.argv[2] as string);
createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
  response.end(body);
}).listen(Number(process.argv[3]), '127.0.0.1');
