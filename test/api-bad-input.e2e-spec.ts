import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import request from 'supertest';
import type { EventStore } from '@app/event-store';
import { startApi, WRITER_TOKEN } from './support/api';

const PATH = '/instruments/peacekeeping-agreement-2007/events';
const writer = { Authorization: `Bearer ${WRITER_TOKEN}` };
const json = { 'Content-Type': 'application/json' };
const signature = (changes: Record<string, unknown> = {}) => ({
  type: 'InstrumentSigned',
  effectiveDate: '2008-01-10',
  instrument: 'peacekeeping-agreement-2007',
  participant: 'CHN',
  sources: [{ title: 'CSTO press release', url: 'https://en.odkb-csto.org/' }],
  confidence: 'medium',
  ...changes,
});

interface Answer {
  readonly status: number;
  readonly type: string;
  readonly body: { status?: number; detail?: string; errors?: { path: string; reason: string }[] };
}

/** A POST with exactly these bytes and headers (supertest would re-encode a Buffer sent as JSON). */
function post(
  app: INestApplication,
  headers: Record<string, string>,
  bytes: Buffer | string,
): Promise<Answer> {
  const { port } = app.getHttpServer().address() as AddressInfo;
  const body = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: PATH,
        headers: { ...headers, 'Content-Length': String(body.length) },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            type: String(response.headers['content-type']),
            body: JSON.parse(text) as Answer['body'],
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('the HTTP API under bad and hostile input: a 4xx problem, never a 5xx, and nothing written', () => {
  let app: INestApplication;
  let store: EventStore;
  let head: number | null;
  beforeAll(async () => {
    ({ app, store } = await startApi());
    await new Promise<void>((resolve) => app.getHttpServer().listen(0, '127.0.0.1', resolve));
    head = await store.headPosition();
  });
  afterAll(async () => {
    expect(await store.headPosition()).toBe(head);
    await app.close();
  });

  const deep = (levels: number) => `{"event":${'['.repeat(levels)}${']'.repeat(levels)}}`;
  const cases: [string, Record<string, string>, Buffer | string, number, RegExp][] = [
    [
      'a body over the size limit',
      json,
      JSON.stringify({ event: signature({ note: 'x'.repeat(300_000) }) }),
      413,
      /too large/,
    ],
    [
      'an unsupported Content-Encoding',
      { ...json, 'Content-Encoding': 'compress' },
      '{}',
      415,
      /unsupported content encoding "compress"/,
    ],
    [
      'a body that is not gzip though it says so',
      { ...json, 'Content-Encoding': 'gzip' },
      'not gzip at all',
      400,
      /could not be decoded/,
    ],
    [
      'a truncated gzip body',
      { ...json, 'Content-Encoding': 'gzip' },
      gzipSync(JSON.stringify({ event: signature() })).subarray(0, 20),
      400,
      /could not be decoded/,
    ],
    [
      'a non-UTF-8 charset',
      { 'Content-Type': 'application/json; charset=iso-8859-1' },
      '{}',
      415,
      /unsupported charset "ISO-8859-1"/,
    ],
    [
      'bytes that are not UTF-8',
      json,
      Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
      400,
      /not valid UTF-8/,
    ],
    ['JSON that does not parse', json, '{"event":', 400, /JSON/],
    ['JSON nested 2,000 deep', json, deep(2000), 400, /nests deeper than 32 levels/],
    ['a body that is not JSON', { 'Content-Type': 'text/plain' }, 'hello', 415, /must be JSON/],
  ];

  describe.each([
    ['without a token', {}],
    ['with a writer token', writer],
  ])('%s', (_who, auth) => {
    it.each(cases)('%s', async (_what, headers, bytes, status, detail) => {
      const answer = await post(app, { ...auth, ...headers }, bytes);
      expect(answer.status).toBe(status);
      expect(answer.type).toMatch(/^application\/problem\+json/);
      expect(answer.body.detail).toMatch(detail);
    });
  });

  it('reads a well-formed gzip body', async () => {
    const answer = await post(
      app,
      { ...writer, ...json, 'Content-Encoding': 'gzip' },
      gzipSync(JSON.stringify({ event: signature({ participant: 'Chn' }) })),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.map((e) => e.path)).toEqual(['participant']);
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses a field named %s, as the CLI does, at any depth',
    async (key) => {
      for (const body of [
        `{"event":{"type":"InstrumentSigned","${key}":{"polluted":true}}}`,
        `{"event":{"type":"InstrumentSigned","sources":[{"${key}":1}]}}`,
      ]) {
        const answer = await post(app, { ...writer, ...json }, body);
        expect(answer.status).toBe(400);
        expect(answer.body.errors).toEqual([
          { path: expect.stringContaining(key), reason: 'is not allowed as a field name' },
        ]);
      }
    },
  );

  it('refuses "id": null rather than drawing a fresh id, so that a retry stays idempotent', async () => {
    const { body } = await request(app.getHttpServer())
      .post(PATH)
      .set(writer)
      .send({ id: null, event: signature() })
      .expect(400);
    expect(body.errors).toEqual([
      { path: 'id', reason: 'must be a UUID, e.g. 0b7e6a52-3c1a-4c3e-9a57-3e1f5b1d2c4a' },
    ]);
  });

  it.each([
    ['a NUL in a note', { note: 'a\u0000b' }, 'note'],
    ['a right-to-left override in a place', { place: 'Minsk \u202Ekcab' }, 'place'],
    ['a place of zero-width spaces', { place: '\u200b\u200b' }, 'place'],
    ['a lone surrogate', { note: 'x \ud800 y' }, 'note'],
  ])('refuses %s', async (_what, changes, path) => {
    const { body } = await request(app.getHttpServer())
      .post(PATH)
      .set(writer)
      .send({ event: signature(changes) })
      .expect(400);
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual([path]);
  });

  it.each([
    ['knownAt=2027-02-30T00:00:00Z', /February 2027 has 28 days/],
    ['knownAt=2026-04-31', /April 2026 has 30 days/],
    ['knownAt=2026-01-01T24:30:00Z', /not a time of day/],
    ['knownAt=2026-01-01T10:00:00%2B15:00', /offset/],
  ])('refuses the impossible instant %s', async (query, reason) => {
    const { body } = await request(app.getHttpServer()).get(`/organisations?${query}`).expect(400);
    expect(body.errors).toEqual([{ path: 'knownAt', reason: expect.stringMatching(reason) }]);
  });
});

describe('the HTTP API stores text in Unicode normal form C', () => {
  it('records a fact posted with decomposed accents composed', async () => {
    const { app } = await startApi();
    const id = randomUUID();
    const http = request(app.getHttpServer());
    await http
      .post(PATH)
      .set(writer)
      .send({ id, event: signature({ participant: 'SRB', place: 'Bishke\u0301k' }) })
      .expect(201);
    const { body } = await http.get(`/events/${id}`).expect(200);
    expect(body.event.place).toBe('Bishkék');
    expect(body.event.place).toBe('Bishke\u0301k'.normalize('NFC'));
    await app.close();
  });
});

describe('the HTTP API under generated input', () => {
  jest.setTimeout(60_000);
  let app: INestApplication;
  let store: EventStore;
  beforeAll(async () => {
    ({ app, store } = await startApi());
    await new Promise<void>((resolve) => app.getHttpServer().listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers arbitrary bytes, JSON values and events with a 4xx problem or a write, never a 5xx', async () => {
    const head = await store.headPosition();
    const bodies = fc.oneof(
      fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
      fc.jsonValue({ maxDepth: 40 }).map((value) => JSON.stringify({ event: value })),
      fc
        .record({
          id: fc.oneof(fc.uuid(), fc.constant(null), fc.string()),
          event: fc.dictionary(
            fc.constantFrom('type', 'note', 'place', 'participant', 'sources', '__proto__', 'effectiveDate'),
            fc.jsonValue({ maxDepth: 3 }),
          ),
        })
        .map((body) => JSON.stringify(body)),
      fc
        .string({ unit: 'binary', maxLength: 80 })
        .map((text) => JSON.stringify({ event: signature({ participant: 'PRK', place: text, note: text }) })),
    );
    let statuses = 0;
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const answer = await post(app, { ...writer, ...json }, body);
        statuses += 1;
        expect(answer.status).toBeLessThan(500);
        if (answer.status >= 400) expect(answer.type).toMatch(/^application\/problem\+json/);
      }),
      { numRuns: 200 },
    );
    expect(statuses).toBe(200);
    // Only a generated signature of PRK with a clean place and note can be recorded, and only once.
    expect(((await store.headPosition()) ?? 0) - (head ?? 0)).toBeLessThanOrEqual(1);
  });

  it('takes a timeline filter given empty as absent (`?from=` asked from the start; it overflowed the stack, a 500)', async () => {
    const http = request(app.getHttpServer());
    const plain = await http.get('/organisations/csto/timeline');
    const empty = await http.get('/organisations/csto/timeline?from=&to=&participant=&type=&instrument=');
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual(plain.body);
  });

  it('answers arbitrary query strings with a 4xx problem or an answer, never a 5xx', async () => {
    const http = request(app.getHttpServer());
    const values = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.constantFrom('2012-12-20', '2027-02-30T00:00:00Z', '0', '-1', '1e3', '[]', '%', '%00'),
    );
    const names = fc.constantFrom(
      'asOf',
      'knownAt',
      'from',
      'to',
      'participant',
      'type',
      'instrument',
      'offset',
      'limit',
      'org',
      'after',
      'x',
      '__proto__',
    );
    const paths = fc.constantFrom(
      '/organisations',
      '/organisations/csto/state',
      '/organisations/csto/timeline',
      '/organisations/csto/history',
      '/instruments/cst-1992/status',
      '/participants/UZB/history',
      '/exports/state-year.csv',
    );
    await fc.assert(
      fc.asyncProperty(paths, fc.dictionary(names, values, { maxKeys: 4 }), async (path, query) => {
        const search = Object.entries(query)
          .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
          .join('&');
        const { status } = await http.get(`${path}?${search}`);
        expect(status).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
  });
});
