import { decide, parseEvent, type DomainEvent } from '@app/domain';
import { sample } from '@app/domain/testing/sample-events';
import { SqliteEventStore } from '@app/event-store';
import { toNewEvent, toStoredFact } from '../stored-facts';
import { DecidedStreams } from './decided-streams';
import { FactRecorder } from './fact-recorder';

const STREAM = 'organisation-csto';
const provenance = { recordedBy: 'curator', correlationId: 'c-1' };
const memberFact = (
  type: 'MemberAdmitted' | 'MembershipSuspended' | 'MembershipRestored',
  effectiveDate: string,
): DomainEvent => parseEvent(sample(type, { effectiveDate, participant: 'ARM' }));

describe('FactRecorder on the SQLite store, keeping each stream decided between writes', () => {
  let store: SqliteEventStore;
  let streams: DecidedStreams;
  let recorder: FactRecorder;
  const record = (event: DomainEvent, id?: string) =>
    recorder.record({ streamId: STREAM, event, id, expectedRevision: 'any', provenance });
  /** Another writer: straight to the store, past this recorder and its kept streams. */
  const appendElsewhere = async (id: string, event: DomainEvent) => {
    const revision = (await streams.current(STREAM)).facts.at(-1)?.revision;
    await store.appendToStream(STREAM, [toNewEvent(id, event, provenance)], {
      expectedRevision: revision ?? 'no_stream',
    });
  };

  beforeEach(() => {
    store = new SqliteEventStore({ path: ':memory:' });
    streams = new DecidedStreams(store);
    recorder = new FactRecorder(store, streams);
  });
  afterEach(() => store.close());

  it('decides against the facts another writer appended since its last write', async () => {
    await record(memberFact('MemberAdmitted', '1994-04-20'));
    await appendElsewhere(
      '6f1c0b1e-0000-4000-8000-000000000001',
      memberFact('MembershipSuspended', '2012-12-19'),
    );

    await expect(record(memberFact('MembershipRestored', '2013-01'))).resolves.toMatchObject({
      revision: 2,
      created: true,
    });
    await expect(record(memberFact('MembershipRestored', '2013-02'))).rejects.toMatchObject({
      code: 'NOT_SUSPENDED',
    });
  });

  it('decides a stream that a stored fact breaks as a full replay of it does', async () => {
    await appendElsewhere(
      '6f1c0b1e-0000-4000-8000-000000000002',
      memberFact('MembershipSuspended', '2012-12-19'),
    );
    const admitted = memberFact('MemberAdmitted', '2013-01-10');
    const history = [];
    for await (const recorded of store.readStream(STREAM)) history.push(toStoredFact(recorded));
    const replayed = (() => {
      try {
        return decide({ event: admitted }, history);
      } catch (error) {
        return error;
      }
    })();

    expect(replayed).toMatchObject({
      code: 'NOT_A_MEMBER',
      message: expect.stringMatching(/^with this fact recorded, an existing fact no longer holds/),
    });
    await expect(record(admitted)).rejects.toEqual(replayed);
    await expect(record(memberFact('MemberAdmitted', '2012-01-01'))).resolves.toMatchObject({ revision: 1 });
  });

  it('records concurrent writes to one stream once each, in the order the store took them', async () => {
    await record(memberFact('MemberAdmitted', '1994-04-20'));
    const writes = ['2000', '2001', '2002'].map((year, i) =>
      record(
        parseEvent(sample('SecretaryGeneralAppointed', { effectiveDate: year, person: `Secretary ${i}` })),
      ),
    );
    const results = await Promise.all(writes);

    expect(results.map((result) => result.revision).sort()).toEqual([1, 2, 3]);
    const kept = await streams.current(STREAM);
    expect(kept.facts.map((fact) => fact.revision)).toEqual([0, 1, 2, 3]);
    expect(kept.facts.map((fact) => fact.id)).toEqual([
      expect.any(String),
      ...results.sort((a, b) => a.revision - b.revision).map((r) => r.id),
    ]);
  });

  it('answers a retry with the same id from the kept stream, without recording it twice', async () => {
    const admitted = memberFact('MemberAdmitted', '1994-04-20');
    const first = await record(admitted, '6f1c0b1e-0000-4000-8000-000000000003');
    await expect(record(admitted, first.id)).resolves.toEqual({ ...first, created: false });
    expect((await streams.current(STREAM)).facts).toHaveLength(1);
  });
});
