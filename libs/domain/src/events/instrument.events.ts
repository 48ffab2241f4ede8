import type { EntryIntoForceClause, InstrumentRules } from '../instrument-rules';
import { ENTRY_INTO_FORCE_KINDS, RENEWALS } from '../instrument-rules';
import { EventFields } from './common';
import { Optional, Required, RequiredWhen, date, integer, LIMITS, Nested, object, oneOf, participant, slug, text } from './field-rules';

/** The schema of `rules.entryIntoForce`: `n` and `date` belong to one kind each. */
export class EntryIntoForceSchema {
  @Required(oneOf(ENTRY_INTO_FORCE_KINDS)) readonly kind!: EntryIntoForceClause['kind'];
  @RequiredWhen((clause) => clause.kind === 'on-nth-deposit', integer(1, 100), 'with kind on-nth-deposit')
  readonly n?: number;
  @RequiredWhen((clause) => clause.kind === 'on-stated-date', date, 'with kind on-stated-date')
  readonly date?: string;
}

export class TermSchema {
  @Required(integer(1, 100)) readonly years!: number;
  @Required(oneOf(RENEWALS)) readonly renewal!: (typeof RENEWALS)[number];
}

export class InstrumentRulesSchema {
  @Required(object) @Nested(() => EntryIntoForceSchema) readonly entryIntoForce!: EntryIntoForceClause;
  @Optional(integer(1, 120)) readonly withdrawalNoticeMonths?: number;
  @Optional(object) @Nested(() => TermSchema) readonly term?: TermSchema;
  @Optional(slug) readonly amends?: string;
}

/** Events of the stream `instrument-<instrument>`. */
abstract class InstrumentFields extends EventFields {
  @Required(slug) readonly instrument!: string;
}

abstract class PartyFields extends InstrumentFields {
  @Required(participant) readonly participant!: string;
}

export const INSTRUMENT_KINDS = ['treaty', 'charter', 'agreement', 'protocol'] as const;
export const DEPOSIT_KINDS = ['ratification', 'accession', 'acceptance', 'approval'] as const;
export const TERMINATION_REASONS = ['withdrawal', 'non-renewal', 'denunciation', 'dissolution'] as const;

const onlyProtocolsAmend = (rules: unknown, adopted: Readonly<Record<string, unknown>>): string | undefined =>
  (rules as { amends?: unknown }).amends !== undefined && adopted.kind !== 'protocol'
    ? `amends is set, but only a protocol amends another instrument (kind is ${String(adopted.kind)})`
    : undefined;

export class InstrumentAdopted extends InstrumentFields {
  declare readonly type: 'InstrumentAdopted';
  @Required(text(LIMITS.SHORT_TEXT)) readonly title!: string;
  @Required(oneOf(INSTRUMENT_KINDS)) readonly kind!: (typeof INSTRUMENT_KINDS)[number];
  @Optional(slug) readonly organisation?: string;
  @Optional(text(LIMITS.SHORT_TEXT)) readonly place?: string;
  @Required((rules, adopted) => object(rules, adopted) ?? onlyProtocolsAmend(rules, adopted))
  @Nested(() => InstrumentRulesSchema)
  readonly rules!: InstrumentRules;
}

export class InstrumentSigned extends PartyFields {
  declare readonly type: 'InstrumentSigned';
  @Optional(text(LIMITS.SHORT_TEXT)) readonly place?: string;
  @Optional(text(LIMITS.LONG_TEXT)) readonly reservation?: string;
}

/** The national act of ratification (the "ratification notice"); `date` may be of any precision. */
export class RatificationAct {
  @Optional(text(LIMITS.SHORT_TEXT)) readonly number?: string;
  @Required(date) readonly date!: string;
  @Required(text(LIMITS.SHORT_TEXT)) readonly title!: string;
  @Optional(text(LIMITS.SHORT_TEXT)) readonly body?: string;
}

export class RatificationLawEnacted extends PartyFields {
  declare readonly type: 'RatificationLawEnacted';
  @Required(object) @Nested(() => RatificationAct) readonly act!: RatificationAct;
}

export class InstrumentDeposited extends PartyFields {
  declare readonly type: 'InstrumentDeposited';
  @Required(oneOf(DEPOSIT_KINDS)) readonly kind!: (typeof DEPOSIT_KINDS)[number];
}

export class EntryIntoForceReported extends InstrumentFields {
  declare readonly type: 'EntryIntoForceReported';
  @Optional(participant) readonly participant?: string;
}

export class InstrumentWithdrawalNotified extends PartyFields {
  declare readonly type: 'InstrumentWithdrawalNotified';
}

export class InstrumentTerminatedForParticipant extends PartyFields {
  declare readonly type: 'InstrumentTerminatedForParticipant';
  @Required(oneOf(TERMINATION_REASONS)) readonly reason!: (typeof TERMINATION_REASONS)[number];
}

export class InstrumentAmended extends InstrumentFields {
  declare readonly type: 'InstrumentAmended';
  @Required(slug) readonly protocol!: string;
}

/** Registered with the UN Secretariat (UN Charter art. 102) or another registry (`registeredWith`). */
export class InstrumentRegistered extends InstrumentFields {
  declare readonly type: 'InstrumentRegistered';
  @Required(slug) readonly registeredWith!: string;
  @Optional(text(LIMITS.IDENTIFIER)) readonly registrationNumber?: string;
}

/** Wire name → class. */
export const INSTRUMENT_EVENTS = {
  InstrumentAdopted,
  InstrumentSigned,
  RatificationLawEnacted,
  InstrumentDeposited,
  EntryIntoForceReported,
  InstrumentWithdrawalNotified,
  InstrumentTerminatedForParticipant,
  InstrumentAmended,
  InstrumentRegistered,
} as const;

export type InstrumentEvent = InstanceType<(typeof INSTRUMENT_EVENTS)[keyof typeof INSTRUMENT_EVENTS]>;
