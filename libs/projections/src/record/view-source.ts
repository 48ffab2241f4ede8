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
  /** The resolved facts of one subject, in effective order then recorded order. */
  facts(subject: string): readonly ResolvedFact[];
  /**
   * A value derived from this source's views, computed once per key for as long as the views stand (the index
   * forgets them when a fact arrives). Keys name what the value is about, e.g. `parties\0cst-1992`; `about` is the
   * view the caller passes in, if any. The value must read every other view through this source, inside `compute`:
   * the index notes those reads to share the value between records whose views of them are the same.
   */
  memo<T>(key: string, about: SubjectView | null, compute: () => T): T;
  /**
   * For a value about a past organisation view cut from the latest one (`OrganisationView.cutFrom`): the latest
   * record's value of `key`, which `derive` works out from the latest record's source if need be, when every subject
   * it read other than the organisation's own stream is held in this record as in the latest one, so that the value
   * may be cut rather than derived afresh; undefined otherwise (and always from the latest record's own source).
   */
  latestValue<T>(key: string, organisationStream: string, derive: (latest: ViewSource) => T): T | undefined;
}
