import { InvalidEvent, parseEvent, WIRE_NAMES } from '@app/domain';
import { REFERENCE, sample, SEED } from '@app/domain/testing/sample-events';
import type { RecordedEvent, StoredEventText } from '@app/event-store';
import { CompactFacts, toNewEvent, toStoredFact } from './stored-facts';

/** An event as the store gives it back after `toNewEvent` wrote it, with `changes` to what it holds. */
function stored(changes: Partial<RecordedEvent> = {}): RecordedEvent {
  const written = toNewEvent('evt-1', parseEvent(sample('MemberAdmitted')), {
    recordedBy: 'curator',
    correlationId: 'c-1',
  });
  const held = {
    ...written,
    data: JSON.parse(JSON.stringify(written.data)) as unknown,
    metadata: written.metadata ?? {},
  };
  return {
    ...held,
    streamId: 'organisation-csto',
    revision: 0,
    position: 7,
    recordedAt: '2026-01-01T00:00:00.000Z',
    ...changes,
  };
}

describe('reading a stored event back as a fact', () => {
  it('gives back the event that was written, with where and when the store holds it', () => {
    const fact = toStoredFact(stored());

    expect(fact.event).toEqual(parseEvent(sample('MemberAdmitted')));
    expect(fact).toMatchObject({
      id: 'evt-1',
      streamId: 'organisation-csto',
      position: 7,
      metadata: { recordedBy: 'curator', schemaVersion: 1 },
    });
  });

  it('refuses an event type this build does not know, naming its position', () => {
    expect(() => toStoredFact(stored({ type: 'MemberTeleported' }))).toThrow(InvalidEvent);
    expect(() => toStoredFact(stored({ type: 'MemberTeleported' }))).toThrow(/position 7 \(evt-1\): type/);
  });

  it('refuses a schema version other than the one this build reads', () => {
    expect(() => toStoredFact(stored({ metadata: { recordedBy: 'curator', schemaVersion: 2 } }))).toThrow(
      /metadata.schemaVersion: is 2; this build reads MemberAdmitted at version 1/,
    );
    expect(() => toStoredFact(stored({ metadata: { recordedBy: 'curator' } }))).toThrow(InvalidEvent);
  });
});

describe('reading stored events back as compact facts, as the live record holds them', () => {
  /** Every type of the catalogue, some citing the same sources as others, as the store gives them back. */
  const log: RecordedEvent[] = WIRE_NAMES.map((type, n) => {
    const sources = n % 3 === 0 ? [SEED, REFERENCE] : [{ ...SEED }];
    const written = toNewEvent(`evt-${n}`, parseEvent(sample(type, { sources })), {
      recordedBy: 'curator',
      correlationId: n < 10 ? 'import-1' : 'import-2',
    });
    const held = JSON.parse(JSON.stringify({ ...written, metadata: written.metadata })) as RecordedEvent;
    return {
      ...held,
      streamId: `stream-${n % 4}`,
      revision: n,
      position: n + 1,
      recordedAt: `2026-01-01T00:00:0${n % 2}.000Z`,
    };
  });
  const asText = (recorded: RecordedEvent): StoredEventText => ({
    ...recorded,
    data: JSON.stringify(recorded.data),
    metadata: JSON.stringify(recorded.metadata),
  });
  const copy = (recorded: RecordedEvent): RecordedEvent =>
    JSON.parse(JSON.stringify(recorded)) as RecordedEvent;

  it.each([
    [
      'stored text (the embedded store)',
      (facts: CompactFacts, recorded: RecordedEvent) => facts.fromText(asText(recorded)),
    ],
    [
      'recorded events (EventStoreDB, a subscription)',
      (facts: CompactFacts, recorded: RecordedEvent) => facts.fromRecorded(copy(recorded)),
    ],
  ])('gives, from %s, the facts toStoredFact gives, keys in the same order', (_from, read) => {
    const facts = new CompactFacts();
    for (const recorded of log) {
      const plain = toStoredFact(copy(recorded));
      const compact = read(facts, recorded);

      expect(compact).toEqual(plain);
      expect(JSON.stringify(compact)).toBe(JSON.stringify(plain));
    }
  });

  it('gives events of one type with their own keys, in their own order, whatever the events before them had', () => {
    const facts = new CompactFacts();
    const held = asText(log[0]!);
    const data = JSON.parse(held.data) as Record<string, unknown>;
    const reversed = Object.fromEntries(Object.entries(data).reverse());
    const fewer = Object.fromEntries(Object.entries(data).slice(1));
    // Data the store holds with a key named `__proto__` (JSON.parse makes it a field) has it as a field of the event too.
    const proto = JSON.parse(`{"__proto__":{"note":"a field"},${held.data.slice(1)}`) as Record<
      string,
      unknown
    >;
    for (const each of [data, reversed, data, fewer, proto, data]) {
      const text = { ...held, data: JSON.stringify(each) };
      const fact = facts.fromText(text);
      const plain = toStoredFact({
        ...held,
        data: JSON.parse(text.data) as unknown,
        metadata: JSON.parse(held.metadata) as RecordedEvent['metadata'],
      });

      expect(JSON.stringify(fact)).toBe(JSON.stringify(plain));
      expect(Object.keys(fact.event)).toEqual(Object.keys(plain.event));
    }
  });

  it('gives events right however many lists of keys one type has, met in any order, past the makers it keeps', () => {
    const facts = new CompactFacts();
    const held = asText(log[0]!);
    const data = JSON.parse(held.data) as Record<string, unknown>;
    // Twelve lists of keys (more than the makers kept per type), each met again after the others.
    const shapes = Array.from({ length: 12 }, (_, at) => ({ ...data, [`extra${at}`]: at }));
    for (const each of [...shapes, ...[...shapes].reverse(), data]) {
      const text = { ...held, data: JSON.stringify(each) };
      const plain = toStoredFact({
        ...held,
        data: JSON.parse(text.data) as unknown,
        metadata: JSON.parse(held.metadata) as RecordedEvent['metadata'],
      });

      expect(JSON.stringify(facts.fromText(text))).toBe(JSON.stringify(plain));
    }
  });

  it('keeps one frozen copy of identical sources lists and of identical metadata', () => {
    const facts = new CompactFacts();
    const [a, b, c, d] = [log[1]!, log[2]!, log[4]!, log[3]!].map((recorded) =>
      facts.fromText(asText(recorded)),
    );

    expect(a!.event.sources).toBe(b!.event.sources);
    expect(a!.event.sources).toBe(c!.event.sources);
    expect(d!.event.sources).not.toBe(a!.event.sources);
    expect(Object.isFrozen(a!.event.sources) && Object.isFrozen(a!.event.sources[0])).toBe(true);
    expect(a!.metadata).toBe(b!.metadata);
    expect(Object.isFrozen(a!.metadata)).toBe(true);
    expect(() => (a!.event.sources as unknown[]).push(SEED)).toThrow(TypeError);
  });

  it('shares the sources lists of nested events too (the event a correction holds)', () => {
    const facts = new CompactFacts();
    const corrected = log.find((recorded) => recorded.type === 'FactCorrected')!;
    const nested = [corrected, corrected].map((recorded) => {
      const event = facts.fromText(asText(recorded)).event;
      if (event.type !== 'FactCorrected') throw new Error(`read ${event.type} back`);
      return event.corrected.sources;
    });

    expect(nested[0]).toBe(nested[1]);
    expect(Object.isFrozen(nested[0])).toBe(true);
  });

  it('refuses stored data that is not a JSON object, naming the event and the field', () => {
    const facts = new CompactFacts();
    const held = asText(log[0]!);

    expect(() => facts.fromText({ ...held, data: '{"organisation":' })).toThrow(
      /position 1 \(evt-0\): data: is not valid JSON/,
    );
    expect(() => facts.fromText({ ...held, data: '[1]' })).toThrow(
      /position 1 \(evt-0\): data: is not a JSON object/,
    );
    expect(() => facts.fromText({ ...held, type: 'MemberTeleported' })).toThrow(InvalidEvent);
  });
});
