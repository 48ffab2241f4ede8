import type { INestApplication } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import request from 'supertest';
import type { EventStore } from '@app/event-store';
import { startApi, WRITER_TOKEN } from './support/api';
import { ROOT } from './support/cli';
import { parseCsv } from './support/csv';

const writer = { Authorization: `Bearer ${WRITER_TOKEN}` };
const signature = (participant: string) => ({
  type: 'InstrumentSigned',
  effectiveDate: '2008-01-10',
  instrument: 'peacekeeping-agreement-2007',
  participant,
  sources: [{ title: 'CSTO press release', url: 'https://en.odkb-csto.org/' }],
  confidence: 'medium',
});

describe('the HTTP contract', () => {
  let app: INestApplication;
  let store: EventStore;
  let http: ReturnType<typeof request>;
  beforeAll(async () => {
    ({ app, store } = await startApi({ feedHeartbeatMs: 100 }));
    http = request(app.getHttpServer());
  });
  afterAll(async () => {
    await app.close();
  });

  describe('content negotiation', () => {
    it('answers Accept: text/csv on a JSON-only endpoint with 406, as a problem', async () => {
      const response = await http
        .get('/organisations/csto/state?asOf=2012-12-20')
        .set('Accept', 'text/csv')
        .expect(406);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.detail).toBe(
        'this endpoint answers in application/json only; the Accept header asks for text/csv',
      );
    });

    it('answers Accept: application/json on a CSV export with 406', async () => {
      await http.get('/exports/state-year.csv').set('Accept', 'application/json').expect(406);
    });

    it('takes the Accept headers clients send', async () => {
      for (const accept of ['*/*', 'application/json', 'application/*', 'text/csv, application/json;q=0.5']) {
        await http.get('/organisations').set('Accept', accept).expect(200);
      }
      await http.get('/exports/membership-spells.csv').set('Accept', 'text/csv').expect(200);
    });
  });

  describe('participants', () => {
    it('reads a participant code in any case', async () => {
      const lower = await http.get('/participants/uzb/history?org=csto').expect(200);
      const upper = await http.get('/participants/UZB/history?org=csto').expect(200);
      expect(lower.body).toEqual(upper.body);
      expect(lower.body.participant).toBe('UZB');
    });

    it('answers 404 for an organisation the record does not hold, as the CLI exits 1', async () => {
      const { body } = await http.get('/participants/UZB/history?org=nato').expect(404);
      expect(body.detail).toBe('no organisation nato in the record');
    });
  });

  describe("a stream's revision", () => {
    const path = '/instruments/peacekeeping-agreement-2007/events';

    it('is the ETag of GET and HEAD of the stream, and If-Match with it writes after it', async () => {
      const got = await http.get(path).expect(200);
      expect(got.headers['etag']).toBe(`"${got.body.revision}"`);
      expect(got.body.facts.at(-1)).toMatchObject({
        revision: got.body.revision,
        streamId: 'instrument-peacekeeping-agreement-2007',
      });
      const head = await http.head(path).expect(200);
      expect(head.headers['etag']).toBe(got.headers['etag']);

      const written = await http
        .post(path)
        .set({ ...writer, 'If-Match': String(head.headers['etag']) })
        .send({ event: signature('MNG') })
        .expect(201);
      expect(written.headers['etag']).toBe(`"${got.body.revision + 1}"`);
      await http
        .post(path)
        .set({ ...writer, 'If-Match': String(head.headers['etag']) })
        .send({ event: signature('IND') })
        .expect(412);
      expect((await http.head(path).expect(200)).headers['etag']).toBe(written.headers['etag']);
    });

    it('is a 404 for a stream that holds nothing, or a collection that has no streams', async () => {
      await http.get('/instruments/no-such-treaty/events').expect(404);
      await http.get('/treaties/cst-1992/events').expect(404);
    });
  });

  describe('the state-year panel', () => {
    type Row = Record<string, string>;
    let rows: Row[];
    beforeAll(async () => {
      const [header = [], ...records] = parseCsv(
        (await http.get('/exports/state-year.csv').expect(200)).text,
      );
      rows = records.map((record) => Object.fromEntries(header.map((name, i) => [name, record[i] ?? ''])));
    });
    const row = (state: string, year: number): Row | undefined =>
      rows.find((r) => r.state === state && r.year === String(year) && r.organisation === 'csto');

    it('has the columns of its codebook, with body', async () => {
      const { body } = await http.get('/exports/state-year.codebook.json').expect(200);
      expect(Object.keys(rows[0] ?? {})).toEqual(body.columns.map((column: { name: string }) => column.name));
      expect(Object.keys(rows[0] ?? {})).toContain('body');
    });

    it('codes 1 a member, also while suspended (Uzbekistan, 2012)', () => {
      expect(row('UZB', 2012)).toMatchObject({
        code: '1',
        status: 'suspended',
        basis: 'csto-charter-2002',
        body: '',
      });
      expect(row('RUS', 2012)).toMatchObject({ code: '1', status: 'active' });
    });

    it('codes 0 an observer of the Parliamentary Assembly, naming the assembly in body (Serbia, 2014)', () => {
      expect(row('SRB', 2014)).toMatchObject({
        code: '0',
        status: 'observer',
        body: 'csto-parliamentary-assembly',
      });
    });

    it('codes 0 a state with no tie (Georgia, 2012) and one that had left by its founding (Azerbaijan, 2003)', () => {
      expect(row('GEO', 2012)).toMatchObject({ code: '0', status: 'none' });
      expect(row('AZE', 2003)).toMatchObject({ code: '0', status: 'none' });
    });

    it('emits only the codes of its codebook, and never 2 or -1 (not used in this record)', async () => {
      const { body } = await http.get('/exports/state-year.codebook.json').expect(200);
      const codes = new Set(body.codes.map((c: { code: number }) => String(c.code)));
      for (const r of rows) expect(codes.has(r.code)).toBe(true);
      expect(rows.filter((r) => r.code === '2' || r.code === '-1')).toEqual([]);
    });

    it('is described in the README exactly as it is served', async () => {
      const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
      const { body } = await http.get('/exports/state-year.codebook.json').expect(200);
      for (const { code, meaning, rule } of body.codes as { code: number; meaning: string; rule: string }[])
        expect(readme).toContain(`| \`${code}\` | ${meaning} | ${rule} |`);
      for (const { name, meaning } of body.columns as { name: string; meaning: string }[])
        expect(readme).toContain(`| \`${name}\` | ${meaning} |`);
    });
  });

  describe('the live feed', () => {
    /** The first `count` blocks the feed sends (events and comments), then the connection is closed. */
    const blocks = (
      count: number,
      { query = '', headers = {} }: { query?: string; headers?: Record<string, string> } = {},
    ): Promise<{ status: number; blocks: string[]; body: string }> => {
      const { port } = app.getHttpServer().address() as AddressInfo;
      return new Promise((resolve, reject) => {
        const req = httpRequest(
          {
            port,
            host: '127.0.0.1',
            path: `/events/feed${query}`,
            headers: { Accept: 'text/event-stream', ...headers },
          },
          (response) => {
            let buffer = '';
            const seen: string[] = [];
            response.on('data', (chunk: Buffer) => {
              buffer += chunk.toString();
              for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
                const block = buffer.slice(0, end).trim();
                buffer = buffer.slice(end + 2);
                if (block !== '') seen.push(block);
                if (seen.length === count) {
                  req.destroy();
                  resolve({ status: response.statusCode ?? 0, blocks: seen, body: '' });
                }
              }
            });
            response.on('end', () =>
              resolve({ status: response.statusCode ?? 0, blocks: seen, body: buffer }),
            );
          },
        );
        req.on('error', (error: NodeJS.ErrnoException) =>
          error.code === 'ECONNRESET' ? undefined : reject(error),
        );
        req.end();
      });
    };

    beforeAll(async () => {
      await new Promise<void>((resolve) => app.getHttpServer().listen(0, '127.0.0.1', resolve));
    });

    it('names each event by its wire name, with its position as id', async () => {
      const {
        blocks: [first],
      } = await blocks(1, { query: '?after=0' });
      expect(first).toMatch(/^id: 1$/m);
      const type = /^event: (\w+)$/m.exec(first ?? '')?.[1];
      expect(type).toBeDefined();
      expect(first).toContain(`"type":"${type}"`);
    });

    it('sends a comment heartbeat while nothing is recorded (every 15 s; 100 ms here)', async () => {
      const head = String(await store.headPosition());
      const { blocks: quiet } = await blocks(2, { headers: { 'Last-Event-ID': head } });
      expect(quiet).toEqual([': heartbeat', ': heartbeat']);
    });

    it('names ?after in an error about it', async () => {
      const { body } = await http
        .get('/events/feed?after=abc')
        .set('Accept', 'text/event-stream')
        .expect(400);
      expect(body.errors).toEqual([
        { path: 'after', reason: 'must be a whole number from 0 to 9007199254740991, got "abc"' },
      ]);
    });

    it('names Last-Event-ID in an error about it', async () => {
      const { body } = await http
        .get('/events/feed')
        .set({ Accept: 'text/event-stream', 'Last-Event-ID': 'abc' })
        .expect(400);
      expect(body.errors).toEqual([
        { path: 'Last-Event-ID', reason: 'must be a whole number from 0 to 9007199254740991, got "abc"' },
      ]);
    });
  });
});
