import type { StreamCategory } from '@app/domain';
import type { ResolvedFact } from './fact';
import type { DeploymentView, InstrumentView, OrganisationView, SubjectView } from './subject-views';

/**
 * Where the queries read subject views from. The reference folds them from the whole log on each query; the
 * temporal index keeps them per subject and rebuilds only what changed. Queries are written once against this.
 * The `…Of` lookups may return more than they should (a later correction may have moved a fact): queries check.
 */
export interface ViewSource {
  organisation(id: string): OrganisationView | undefined;
  instrument(id: string): InstrumentView | undefined;
  deployment(id: string): DeploymentView | undefined;
  /** Instruments that may have been adopted within the organisation. */
  instrumentsOf(organisation: string): Iterable<string>;
  /** Protocols that may amend the instrument (their rules name it in `amends`). */
  amendmentsOf(instrument: string): Iterable<string>;
  /** Deployments that may belong to the organisation. */
  deploymentsOf(organisation: string): Iterable<string>;
  /** Organisations that may name the instrument as founding or predecessor instrument. */
  organisationsFounded(instrument: string): Iterable<string>;
  /** Subjects (streams) that may mention the participant. */
  subjectsOf(participant: string): Iterable<string>;
  /** Every subject (stream) in the record. */
  subjects(): Iterable<string>;
  /**
   * Whether any fact of the subject may be disputed (`dispute` set): false only when none of its contents ever was,
   * so that finding the disputes of a subject without any reads none of its facts.
   */
  mayHoldDisputes(category: StreamCategory, id: string): boolean;
  /** The resolved facts of one subject, in effective order then recorded order. */
  facts(subject: string): readonly ResolvedFact[];
  /**
   * A value derived from this source's views, computed once for as long as the views it read stand (a fact about
   * another subject leaves it be). It is kept under `name` (and `argument`, e.g. a participant) in a table of the
   * view it is about (`about`, null for a value about no view: then `argument` names what it is about). The value
   * must read every other view through this source, inside `compute`: the index notes those reads, to know when the
   * value no longer stands and to share it between records whose views of them are the same.
   */
  memo<T>(about: SubjectView | null, name: string, compute: () => T, argument?: string): T;
  /**
   * For a value about a past organisation view cut from the latest one (`OrganisationView.cutFrom`): the latest
   * record's value of `name` about the latest view `latest`, which `derive` works out from the latest record's source
   * if need be, when every subject it read other than the organisation's own is held in this record as in the latest
   * one, so that the value may be cut rather than derived afresh; undefined otherwise (and always from the latest
   * record's own source).
   */
  latestValue<T>(latest: OrganisationView, name: string, derive: (latest: ViewSource) => T): T | undefined;
}
