import { InvalidEvent, parseEvent } from '@app/domain';
import { sample } from '@app/domain/testing/sample-events';
import type { RecordedEvent } from '@app/event-store';
import { toNewEvent, toStoredFact } from './stored-facts';

/** An event as the store gives it back after `toNewEvent` wrote it, with `changes` to what it holds. */
function stored(changes: Partial<RecordedEvent> = {}): RecordedEvent {
  const written = toNewEvent('evt-1', parseEvent(sample('MemberAdmitted')), { recordedBy: 'curator', correlationId: 'c-1' });
  const held = { ...written, data: JSON.parse(JSON.stringify(written.data)) as unknown, metadata: written.metadata ?? {} };
  return { ...held, streamId: 'organisation-csto', revision: 0, position: 7, recordedAt: '2026-01-01T00:00:00.000Z', ...changes };
}

describe('reading a stored event back as a fact', () => {
  it('gives back the event that was written, with where and when the store holds it', () => {
    const fact = toStoredFact(stored());

    expect(fact.event).toEqual(parseEvent(sample('MemberAdmitted')));
    expect(fact).toMatchObject({ id: 'evt-1', streamId: 'organisation-csto', position: 7, metadata: { recordedBy: 'curator', schemaVersion: 1 } });
  });

  it('refuses an event type this build does not know, naming its position', () => {
    expect(() => toStoredFact(stored({ type: 'MemberTeleported' }))).toThrow(InvalidEvent);
    expect(() => toStoredFact(stored({ type: 'MemberTeleported' }))).toThrow(/position 7 \(evt-1\): type/);
  });

  it('refuses a schema version other than the one this build reads', () => {
    expect(() => toStoredFact(stored({ metadata: { recordedBy: 'curator', schemaVersion: 2 } }))).toThrow(/metadata.schemaVersion: is 2; this build reads MemberAdmitted at version 1/);
    expect(() => toStoredFact(stored({ metadata: { recordedBy: 'curator' } }))).toThrow(InvalidEvent);
  });
});
