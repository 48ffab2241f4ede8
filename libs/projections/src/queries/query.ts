import type { KnownAt } from '../record/fact';

// What each query is asked with; every one may ask about the record as it stood at `knownAt`.

export interface StateQuery extends KnownAt {
  readonly organisation: string;
  readonly asOf: string;
}

export interface InstrumentQuery extends KnownAt {
  readonly instrument: string;
  readonly asOf: string;
}

export interface HistoryQuery extends KnownAt {
  readonly organisation?: string;
}

export interface TimelineQuery extends KnownAt {
  /** Only the organisation's own facts: its stream, its instruments (predecessor and amending protocols too), its deployments. */
  readonly organisation?: string;
  /** Inclusive bounds on the effective date (a fact is placed at the first day of its period). */
  readonly from?: string;
  readonly to?: string;
  readonly participant?: string;
  /** A wire name, e.g. `InstrumentDeposited`. */
  readonly type?: string;
  readonly instrument?: string;
}
