import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { EventStore } from '@app/event-store';
import { SparsePositionStore } from '@app/event-store/testing/sparse-positions';
import { parseEvent } from '@app/domain';
import { eventIdOf, toNewEvent } from '@app/history';
import { STATE_FIELDS } from './support/answers';
import { READER_TOKEN, startApi, WRITER_TOKEN } from './support/api';

const source = { title: 'CSTO press release', url: 'https://en.odkb-csto.org/' };
const signature = (participant: string, effectiveDate = '2008-01-10') => ({
  type: 'InstrumentSigned',
  effectiveDate,
  instrument: 'peacekeeping-agreement-2007',
  participant,
  sources: [source],
  confidence: 'medium',
});

const stores: [string, ((store: EventStore) => EventStore) | undefined][] = [
  ['the embedded store', undefined],
  // EventStoreDB's positions are sparse byte offsets: the API must pass without computing a position.
  ['the embedded store with sparse positions, as on EventStoreDB', (store) => new SparsePositionStore(store)],
];

describe.each(stores)('the HTTP API on %s', (_name, wrapStore) => {
  let app: INestApplication;
  let store: EventStore;
  let http: ReturnType<typeof request>;
  beforeAll(async () => {
    ({ app, store } = await startApi(wrapStore ? { wrapStore } : {}));
    http = request(app.getHttpServer());
  });
  afterAll(async () => {
    await app.close();
  });

  const writer = { Authorization: `Bearer ${WRITER_TOKEN}` };
  const postSignature = (body: object, headers: Record<string, string> = writer) =>
    http.post('/instruments/peacekeeping-agreement-2007/events').set(headers).send(body);

  describe('reads', () => {
    it('answers the state of the CSTO on 20 December 2012 in the documented shape', async () => {
      const response = await http.get('/organisations/csto/state?asOf=2012-12-20').expect(200);
      const state = response.body;

      expect(Object.keys(state)).toEqual(expect.arrayContaining(STATE_FIELDS));
      expect(state).toMatchObject({ organisation: 'csto', asOf: '2012-12-20', knownAt: null, exists: true });
      const members = Object.fromEntries(
        state.members.map((m: { participant: string; status: string }) => [m.participant, m.status]),
      );
      expect(members).toEqual({
        ARM: 'active',
        BLR: 'active',
        KAZ: 'active',
        KGZ: 'active',
        RUS: 'active',
        TJK: 'active',
        UZB: 'suspended',
      });
      const charter = state.instruments.find((i: { id: string }) => i.id === 'csto-charter-2002');
      expect(charter).toMatchObject({ inForce: true, since: '2003-09-18' });
    });

    it('shows the Kazakhstan deployment as active on 10 January 2022', async () => {
      const { body } = await http.get('/organisations/csto/state?asOf=2022-01-10').expect(200);
      expect(body.deployments).toEqual([
        expect.objectContaining({ id: 'csto-kazakhstan-2022', host: 'KAZ', status: 'active' }),
      ]);
    });

    it('answers an instrument participants table', async () => {
      const { body } = await http.get('/instruments/csto-charter-2002/status?asOf=2004-01-01').expect(200);
      expect(JSON.stringify(body)).toContain('KAZ');
    });

    it("answers a participant's history as spells", async () => {
      const { body } = await http.get('/participants/UZB/history?org=csto').expect(200);
      expect(body.participant).toBe('UZB');
      expect(body.spells.length).toBeGreaterThan(0);
    });

    it('lists the organisations the record holds', async () => {
      const { body } = await http.get('/organisations').expect(200);
      expect(body).toEqual({
        organisations: [
          {
            id: 'csto',
            name: expect.stringMatching(/Collective Security Treaty Organi[sz]ation/),
            established: expect.any(String),
          },
        ],
      });
    });

    it("answers the organisation's whole history: each participant's spells agree with its own history", async () => {
      const { body } = await http.get('/organisations/csto/history').expect(200);
      expect(body.founded).toBe('2003-09-18');
      const codes = body.participants.map((p: { participant: string }) => p.participant);
      expect(codes).toEqual(expect.arrayContaining(['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB']));
      const uzbekistan = await http.get('/participants/UZB/history?org=csto').expect(200);
      expect(body.participants.find((p: { participant: string }) => p.participant === 'UZB').spells).toEqual(
        uzbekistan.body.spells,
      );
      expect(body.deployments.map((d: { id: string; host: string }) => d.host)).toContain('KAZ');
      await http.get('/organisations/csto/history?knownAt=yesterday').expect(400);
      await http.get('/organisations/nato/history').expect(404);
    });

    it('pages the timeline and filters it by type', async () => {
      const { body } = await http
        .get('/organisations/csto/timeline?type=InstrumentSigned&limit=5&offset=0')
        .expect(200);
      expect(body.entries).toHaveLength(5);
      expect(body.total).toBeGreaterThan(5);
      for (const entry of body.entries) expect(entry.type).toBe('InstrumentSigned');
    });

    it("includes the predecessor treaty's facts in the organisation's timeline", async () => {
      const { body } = await http
        .get('/organisations/csto/timeline?to=1999-12-31&instrument=cst-1992')
        .expect(200);
      expect(
        body.entries.map(
          (e: { event: { participant?: string }; type: string }) => `${e.type} ${e.event.participant ?? ''}`,
        ),
      ).toEqual(expect.arrayContaining(['InstrumentSigned ARM', 'InstrumentTerminatedForParticipant UZB']));
    });

    it("finds a fact by the chronology's fact id as well as by its event id", async () => {
      const { body } = await http.get(`/events/${encodeURIComponent('cst-1992/terminated/UZB')}`).expect(200);
      expect(body).toMatchObject({
        id: eventIdOf('cst-1992/terminated/UZB'),
        importedFrom: { factId: 'cst-1992/terminated/UZB' },
      });
      await http.get(`/events/${encodeURIComponent('cst-1992/terminated/NOPE')}`).expect(404);
    });

    it('gives every row of the state the ids of the facts it rests on, each of which the audit trail knows', async () => {
      const { body } = await http.get('/organisations/csto/state?asOf=2012-12-20').expect(200);
      const rows = [...body.members, ...body.signatories, ...body.externalStatuses, ...body.instruments] as {
        eventIds: string[];
      }[];
      expect(rows.every((row) => row.eventIds.length > 0)).toBe(true);
      const uzb = (body.members as { participant: string; eventIds: string[] }[]).find(
        (m) => m.participant === 'UZB',
      );
      for (const id of uzb?.eventIds ?? []) await http.get(`/events/${id}`).expect(200);
    });

    it('gives the audit trail of an imported fact: file, line, who and when', async () => {
      const { body } = await http.get(`/events/${eventIdOf('cst-1992/signed/ARM')}`).expect(200);
      expect(body).toMatchObject({
        recordedBy: 'test-import',
        importedFrom: { factId: 'cst-1992/signed/ARM', file: 'instruments/cst-1992.yaml' },
        event: { type: 'InstrumentSigned', participant: 'ARM' },
        supersededBy: [],
      });
    });

    it('serves the OpenAPI document', async () => {
      const { body } = await http.get('/docs-json').expect(200);
      expect(Object.keys(body.paths)).toEqual(
        expect.arrayContaining(['/organisations/{org}/state', '/events/feed']),
      );
    });
  });

  describe('health', () => {
    it('is ready when the store answers and the record is loaded, and says how far the log goes', async () => {
      const head = await store.headPosition();
      for (const path of ['/health', '/health/ready']) {
        const { body } = await http.get(path).expect(200);
        expect(body).toMatchObject({
          status: 'ok',
          details: {
            store: { status: 'up', headPosition: head },
            record: { status: 'up', facts: expect.any(Number) },
          },
        });
      }
    });

    it('is live without checking anything else', async () => {
      const { body } = await http.get('/health/live').expect(200);
      expect(body).toEqual({ status: 'ok', info: {}, error: {}, details: {} });
    });
  });

  describe('security headers', () => {
    it('sends helmet’s headers with a content security policy, and not X-Powered-By', async () => {
      const response = await http.get('/organisations').expect(200);
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(response.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
      });
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
    });

    it('allows inline styles only under /docs, for Swagger UI', async () => {
      const response = await http.get('/docs/').expect(200);
      expect(String(response.headers['content-security-policy'])).toContain(
        "style-src 'self' 'unsafe-inline'",
      );
    });
  });

  describe('errors, as problem+json', () => {
    it('400 names every bad query argument', async () => {
      const response = await http
        .get('/organisations/csto/state?asOf=2023-02-30&knownAt=yesterday')
        .expect(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body.errors).toEqual([
        { path: 'asOf', reason: '"2023-02-30" is not a calendar date: February 2023 has 28 days' },
        {
          path: 'knownAt',
          reason: 'must be an ISO 8601 instant such as 2026-01-31T12:00:00Z, got "yesterday"',
        },
      ]);
    });

    it('404 for an organisation, instrument or event not in the record', async () => {
      await http.get('/organisations/nato/state?asOf=2000-01-01').expect(404);
      await http.get('/instruments/no-such-treaty/status?asOf=2000-01-01').expect(404);
      await http.get(`/events/${randomUUID()}`).expect(404);
    });

    it('404 for a fact posted under a collection that has no streams, writing nothing', async () => {
      const head = await store.headPosition();
      const { body } = await http
        .post('/treaties/cst-1992/events')
        .set(writer)
        .send({ event: signature('ARM') })
        .expect(404);
      expect(body.detail).toBe(
        'facts are recorded under /organisations, /instruments, /deployments, not /treaties',
      );
      expect(await store.headPosition()).toBe(head);
    });

    it('401 without a token and 403 with an unknown one, writing nothing', async () => {
      const head = await store.headPosition();
      await postSignature({ event: signature('UZB') }, {}).expect(401);
      await postSignature({ event: signature('UZB') }, { Authorization: 'Bearer not-a-real-token' }).expect(
        403,
      );
      expect(await store.headPosition()).toBe(head);
    });

    it('400 with every field error for a malformed body, writing nothing', async () => {
      const head = await store.headPosition();
      const { body } = await postSignature({
        id: 'nope',
        event: { ...signature('Uzbekistan', '2008-02-30'), confidence: 'sure', colour: 'blue' },
      }).expect(400);
      expect(body.errors.map((e: { path: string }) => e.path)).toEqual(['id']);
      const second = await postSignature({
        event: { ...signature('Uzbekistan', '2008-02-30'), confidence: 'sure', colour: 'blue' },
      }).expect(400);
      expect(second.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
        'colour',
        'confidence',
        'effectiveDate',
        'participant',
      ]);
      expect(await store.headPosition()).toBe(head);
    });

    it('422 with the invariant code for a fact that breaks the stream, writing nothing', async () => {
      const head = await store.headPosition();
      const { body } = await postSignature({ event: signature('RUS') }).expect(422);
      expect(body.code).toBe('ALREADY_SIGNED');
      expect(await store.headPosition()).toBe(head);
    });

    it('412 when If-Match names a revision the stream has moved past, writing nothing', async () => {
      const head = await store.headPosition();
      const { body } = await postSignature(
        { event: signature('CHN') },
        { ...writer, 'If-Match': '"0"' },
      ).expect(412);
      expect(body.code).toBe('WRONG_EXPECTED_REVISION');
      expect(await store.headPosition()).toBe(head);
    });

    it('422 for a fact posted to a stream it does not belong to', async () => {
      const { body } = await http
        .post('/instruments/cst-1992/events')
        .set(writer)
        .send({ event: signature('UZB') })
        .expect(422);
      expect(body.code).toBe('WRONG_STREAM');
    });
  });

  describe('writes', () => {
    it('records a fact with the writer and request in its audit trail; a retry with the same id records it once', async () => {
      const id = randomUUID();
      const created = await postSignature(
        { id, event: signature('AFG') },
        { ...writer, 'X-Request-Id': 'req-1' },
      ).expect(201);
      expect(created.headers['location']).toBe(`/events/${id}`);
      expect(created.body).toMatchObject({
        id,
        streamId: 'instrument-peacekeeping-agreement-2007',
        created: true,
      });

      const retried = await postSignature({ id, event: signature('AFG') }).expect(200);
      expect(retried.body).toMatchObject({
        id,
        revision: created.body.revision,
        position: created.body.position,
        created: false,
      });

      const { body } = await http.get(`/events/${id}`).expect(200);
      expect(body).toMatchObject({
        recordedBy: 'alice',
        request: { id: 'req-1', method: 'POST', path: '/instruments/peacekeeping-agreement-2007/events' },
        importedFrom: null,
        event: { participant: 'AFG' },
      });
    });

    it('honours If-Match with the current revision and returns the next one as ETag', async () => {
      const first = await postSignature({ event: signature('SRB') }).expect(201);
      const next = await postSignature(
        { event: signature('IRN') },
        { ...writer, 'If-Match': String(first.headers['etag']) },
      ).expect(201);
      expect(next.headers['etag']).toBe(`"${first.body.revision + 1}"`);
    });

    it('answers a repeated question with the bytes it sent, and a new answer as soon as a write lands, over HTTP or straight into the store', async () => {
      const question = '/instruments/peacekeeping-agreement-2007/status?asOf=2008-02-01';
      const participants = ({ body }: { body: { participants: { participant: string }[] } }): string[] =>
        body.participants.map((row) => row.participant);
      const first = await http.get(question).expect(200);
      const again = await http.get(question).expect(200);
      expect(again.text).toBe(first.text);
      const { date: _firstDate, ...firstHeaders } = first.headers;
      const { date: _againDate, ...againHeaders } = again.headers;
      expect(againHeaders).toEqual(firstHeaders);
      expect(again.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(again.headers['content-security-policy']).toContain("default-src 'self'");
      expect(again.headers['etag']).toMatch(/^W\/"/);
      await http.get(question).set('If-None-Match', String(first.headers['etag'])).expect(304);
      expect(participants(first)).not.toContain('NPL');

      await postSignature({ event: signature('NPL') }).expect(201);
      const afterHttpWrite = await http.get(question).expect(200);
      expect(participants(afterHttpWrite)).toContain('NPL');
      expect(afterHttpWrite.headers['etag']).not.toBe(first.headers['etag']);

      // As the CLI would from another process: into the store, with no request to the API to say so.
      const event = parseEvent(signature('LKA'));
      await store.appendToStream(
        'instrument-peacekeeping-agreement-2007',
        [toNewEvent(randomUUID(), event, { recordedBy: 'test', correlationId: 'cache' })],
        { expectedRevision: 'any' },
      );
      expect(participants(await http.get(question).expect(200))).toEqual(
        [...participants(afterHttpWrite), 'LKA'].sort(),
      );
    });

    it('takes a question with its fields in another order as the same question, and refuses a bad one every time it is asked', async () => {
      const { text } = await http.get('/organisations/csto/timeline?limit=5&offset=2').expect(200);
      expect((await http.get('/organisations/csto/timeline?offset=2&limit=5').expect(200)).text).toBe(text);
      for (let time = 0; time < 2; time++)
        await http.get('/organisations/csto/timeline?limit=5&offset=2&colour=blue').expect(400);
      for (let time = 0; time < 2; time++)
        await http.get('/organisations/csto/timeline?limit=5&limit=6').expect(400);
    });

    it('records a correction and shows it in the corrected fact’s audit trail', async () => {
      const original = eventIdOf('peacekeeping-agreement-2007/signed/UZB');
      const { body: before } = await http.get(`/events/${original}`).expect(200);
      const correction = {
        type: 'FactCorrected',
        effectiveDate: before.event.effectiveDate,
        supersedes: original,
        reason: 'test: the place of signature was Dushanbe',
        corrected: { ...before.event, place: 'Dushanbe' },
        sources: [source],
        confidence: 'high',
      };
      const { body: written } = await postSignature({ event: correction }).expect(201);

      const { body: after } = await http.get(`/events/${original}`).expect(200);
      expect(after.supersededBy).toEqual([expect.objectContaining({ id: written.id, recordedBy: 'alice' })]);
    });
  });

  describe('exports', () => {
    it('streams every recorded event as valid NDJSON', async () => {
      const response = await http.get('/exports/events.ndjson').expect(200);
      expect(response.headers['content-type']).toMatch(/application\/x-ndjson/);
      const lines = response.text.trimEnd().split('\n');
      let stored = 0;
      for await (const _event of store.readAll()) stored += 1;
      expect(lines).toHaveLength(stored);
      const positions = lines.map((line) => (JSON.parse(line) as { position: number }).position);
      positions.slice(1).forEach((p, n) => expect(p).toBeGreaterThan(positions[n]!));
    });

    it.each(['membership-spells.csv', 'state-year.csv'])(
      'streams %s as CSV with one header and equal field counts',
      async (name) => {
        const response = await http.get(`/exports/${name}`).expect(200);
        expect(response.headers['content-type']).toMatch(/text\/csv/);
        const rows = response.text.trimEnd().split(/\r?\n/);
        expect(rows.length).toBeGreaterThan(1);
        const fields = (row: string) => row.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.length ?? 0;
        for (const row of rows) expect(fields(row)).toBe(fields(rows[0]!));
      },
    );

    it('answers a bad export argument as a problem, before streaming', async () => {
      const { body } = await http.get('/exports/state-year.csv?knownAt=never').expect(400);
      expect(body.errors[0].path).toBe('knownAt');
    });
  });

  describe('the live feed', () => {
    const openFeed = (
      headers: Record<string, string> = {},
    ): Promise<{
      response: IncomingMessage;
      close: () => void;
      next: (match: RegExp) => Promise<string>;
    }> => {
      const { port } = (app.getHttpServer().address() ?? {}) as AddressInfo;
      return new Promise((resolve, reject) => {
        const req = httpRequest(
          { port, path: '/events/feed', headers: { Accept: 'text/event-stream', ...headers } },
          (response) => {
            let buffer = '';
            // Blocks may arrive before anyone waits for them: keep them until asked for.
            const blocks: string[] = [];
            const waiters: { match: RegExp; resolve: (block: string) => void }[] = [];
            response.on('data', (chunk: Buffer) => {
              buffer += chunk.toString();
              let end: number;
              while ((end = buffer.indexOf('\n\n')) >= 0) {
                const block = buffer.slice(0, end);
                buffer = buffer.slice(end + 2);
                const waiter = waiters.find((w) => w.match.test(block));
                if (waiter) {
                  waiters.splice(waiters.indexOf(waiter), 1);
                  waiter.resolve(block);
                } else {
                  blocks.push(block);
                }
              }
            });
            resolve({
              response,
              close: () => req.destroy(),
              next: (match) => {
                const ready = blocks.find((block) => match.test(block));
                if (ready !== undefined) return Promise.resolve(ready);
                return new Promise((done) => waiters.push({ match, resolve: done }));
              },
            });
          },
        );
        req.on('error', reject);
        req.end();
      });
    };

    beforeAll(async () => {
      await new Promise<void>((resolve) => app.getHttpServer().listen(0, '127.0.0.1', resolve));
    });

    it('delivers a newly recorded event, and resumes after a disconnect with Last-Event-ID', async () => {
      const head = (await store.headPosition()) ?? 0;
      const feed = await openFeed({ 'Last-Event-ID': String(head) });
      expect(feed.response.headers['content-type']).toMatch(/text\/event-stream/);
      const first = feed.next(/"participant":"MNG"/);
      await postSignature({ event: signature('MNG') }).expect(201);
      const block = await first;
      const position = Number(/^id: (\d+)$/m.exec(block)?.[1]);
      expect(position).toBeGreaterThan(head);
      feed.close();

      await postSignature({ event: signature('IND') }).expect(201);
      const resumed = await openFeed({ 'Last-Event-ID': String(position) });
      const missed = await resumed.next(/"participant":"/);
      resumed.close();
      expect(missed).toContain('"participant":"IND"');
      expect(Number(/^id: (\d+)$/m.exec(missed)?.[1])).toBeGreaterThan(position);
    });

    it('answers 400 before streaming for a Last-Event-ID that is not a whole number, or (where positions are sparse) no position of the store', async () => {
      await http.get('/events/feed').set('Last-Event-ID', 'yesterday').expect(400);
      if (!wrapStore) return;
      const head = (await store.headPosition()) ?? 0;
      const { body } = await http
        .get('/events/feed')
        .set('Last-Event-ID', String(head + 1))
        .expect(400);
      expect(body.detail).toMatch(/not the position of an event/);
    });
  });
});

describe('the HTTP API with reader tokens', () => {
  let app: INestApplication;
  beforeAll(async () => {
    ({ app } = await startApi({ readers: new Map([[READER_TOKEN, 'bob']]) }));
  });
  afterAll(async () => {
    await app.close();
  });

  it('keeps /health open to orchestrators, without a token', async () => {
    const http = request(app.getHttpServer());
    for (const path of ['/health', '/health/live', '/health/ready']) await http.get(path).expect(200);
  });

  it('asks for a token on reads, and takes a reader’s or a writer’s', async () => {
    const http = request(app.getHttpServer());
    await http.get('/organisations').expect(401);
    await http.get('/organisations').set('Authorization', 'Bearer bob-reader-token-x').expect(403);
    await http.get('/organisations').set('Authorization', `Bearer ${READER_TOKEN}`).expect(200);
    await http.get('/organisations').set('Authorization', `Bearer ${WRITER_TOKEN}`).expect(200);
  });

  it('asks for a token on a question answered before, whose answer is kept', async () => {
    const http = request(app.getHttpServer());
    const question = '/organisations/csto/state?asOf=2012-12-20';
    for (let time = 0; time < 2; time++)
      await http.get(question).set('Authorization', `Bearer ${READER_TOKEN}`).expect(200);
    await http.get(question).expect(401);
    await http.get(question).set('Authorization', 'Bearer bob-reader-token-x').expect(403);
  });
});

describe('the HTTP API when its store stops answering', () => {
  it('is still live but not ready, and says which check is down in a problem', async () => {
    const { app, store } = await startApi({ chronology: false });
    const http = request(app.getHttpServer());
    await http.get('/health/ready').expect(200);
    await store.close();
    const response = await http.get('/health/ready').expect(503);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.checks).toMatchObject({ store: { status: 'down' } });
    await http.get('/health/live').expect(200);
    await app.close();
  });

  it('answers a write that meets a damaged store file with a store-failure problem, the file named only in the log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'annals-damaged-live-'));
    const path = join(dir, 'annals.db');
    const { app } = await startApi({ path });
    try {
      const http = request(app.getHttpServer());
      await postSignatureTo(http, 'AFG').expect(201);
      // What a failing disk or a stray write leaves: the database's pages overwritten, its write-ahead log gone.
      writeFileSync(path, Buffer.alloc(16_384, 7));
      writeFileSync(`${path}-wal`, Buffer.alloc(0));
      writeFileSync(`${path}-shm`, Buffer.alloc(32_768, 0));
      const { body } = await postSignatureTo(http, 'IRN').expect(500);
      expect(body).toEqual({
        type: '/problems/store-failure',
        title: 'The event store failed',
        status: 500,
        detail:
          'the event store could not be read or written (a damaged file or a disk error); see the server log',
        instance: '/instruments/peacekeeping-agreement-2007/events',
        code: 'STORE_FAILURE',
      });
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function postSignatureTo(http: ReturnType<typeof request>, participant: string): request.Test {
  return http
    .post('/instruments/peacekeeping-agreement-2007/events')
    .set('Authorization', `Bearer ${WRITER_TOKEN}`)
    .send({ event: signature(participant) });
}
