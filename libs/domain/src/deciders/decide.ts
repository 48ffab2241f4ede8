import { isRecordKeepingEvent, type DomainEvent, type SubjectEvent } from '../events/catalogue';
import { categoryOf } from '../streams';
import type { RecordedFact, RecordFact } from './decider';
import { deploymentDecider } from './deployment.decider';
import { instrumentDecider } from './instrument.decider';
import { organisationDecider } from './organisation.decider';

const DECIDERS = {
  organisation: organisationDecider,
  instrument: instrumentDecider,
  deployment: deploymentDecider,
};

/**
 * Decides a new fact for the stream whose `history` (recorded order) is given, whatever its kind: the kind is
 * that of the new fact, or for a correction or retraction that of the stream's facts.
 */
export function decide(command: RecordFact, history: readonly RecordedFact[]): DomainEvent[] {
  const subject = [command.event, ...history.map((fact) => fact.event)].find(
    (event): event is SubjectEvent => !isRecordKeepingEvent(event),
  );
  // With no fact of its stream to go by, a correction names an unknown fact: any decider refuses it alike.
  return (subject ? DECIDERS[categoryOf(subject)] : organisationDecider).decide(command, history);
}
