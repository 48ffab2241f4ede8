import { IntersectionType } from '@nestjs/swagger';
import { Count, Day, KnownAt, Participant, Slug, WireName } from './query-fields';

/**
 * The questions the record answers, one class per question, validated by class-validator: over HTTP by the
 * ValidationPipe (path and query string), on the command line by `validateQuery` (arguments and flags together).
 * Every value is text as it came; the services read them through `instantOf`, `countOf` and `participantOf`.
 */

export class OrganisationPath {
  @Slug('the organisation', { required: true, example: 'csto' }) readonly org!: string;
}

export class InstrumentPath {
  @Slug('the instrument', { required: true, example: 'csto-charter-2002' }) readonly id!: string;
}

export class ParticipantPath {
  @Participant('the participant: an ISO 3166-1 alpha-3 code (any case) or an organisation slug', {
    required: true,
  })
  readonly id!: string;
}

/** What the record says at a recorded time: every question takes it. */
export class RecordedTimeQuery {
  @KnownAt() readonly knownAt?: string;
}

export class DayQuery extends RecordedTimeQuery {
  @Day('the day asked about', { required: true, example: '2012-12-20' }) readonly asOf!: string;
}

export class ParticipantHistoryQuery extends RecordedTimeQuery {
  @Slug('only this organisation: its membership, statuses and instruments', { example: 'csto' })
  readonly org?: string;
}

export class TimelineQuery extends RecordedTimeQuery {
  @Day('from this day (inclusive)') readonly from?: string;
  @Day('up to this day (inclusive)') readonly to?: string;
  @Participant('only facts about this participant') readonly participant?: string;
  @WireName('only facts of this event type') readonly type?: string;
  @Slug('only facts about this instrument') readonly instrument?: string;
  @Count('skip this many entries', { min: 0, max: Number.MAX_SAFE_INTEGER, fallback: 0 })
  readonly offset?: string;
  @Count('at most this many entries', { min: 1, max: 1000, fallback: 100 }) readonly limit?: string;
}

export class ReplayQuery extends RecordedTimeQuery {
  @Day('from this day (inclusive)', { required: true, example: '1999-01-01' }) readonly from!: string;
  @Day('up to this day (inclusive)', { required: true, example: '2004-01-01' }) readonly to!: string;
}

export class StateYearQuery extends RecordedTimeQuery {
  @Slug('only this organisation', { example: 'csto' }) readonly organisation?: string;
}

/** The questions with their subject, as the CLI asks them in one go. */
export class OrganisationStateQuestion extends IntersectionType(OrganisationPath, DayQuery) {}
export class InstrumentStatusQuestion extends IntersectionType(InstrumentPath, DayQuery) {}
export class ParticipantHistoryQuestion extends IntersectionType(ParticipantPath, ParticipantHistoryQuery) {}
export class OrganisationHistoryQuestion extends IntersectionType(OrganisationPath, RecordedTimeQuery) {}
export class TimelineQuestion extends IntersectionType(OrganisationPath, TimelineQuery) {}
export class ReplayQuestion extends IntersectionType(OrganisationPath, ReplayQuery) {}

/** Where the live feed starts: after this position (a reconnecting browser sends Last-Event-ID instead). */
export class FeedQuery {
  @Count('send the events recorded after this position', {
    min: 0,
    max: Number.MAX_SAFE_INTEGER,
    fallback: 0,
  })
  readonly after?: string;
}

/** The Last-Event-ID header of a reconnecting client, under its own name so that an error names it. */
export class FeedResumption {
  @Count('the position of the last event received', { min: 0, max: Number.MAX_SAFE_INTEGER, fallback: 0 })
  readonly 'Last-Event-ID'?: string;
}
