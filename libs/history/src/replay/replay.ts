import { Injectable } from '@nestjs/common';
import { addDays } from '@app/domain';
import { InvalidQuery } from '../invalid-query';
import type { ReplayQuestion } from '../queries/dto/questions';
import { instantOf } from '../queries/dto/query-fields';
import { LiveRecord } from '../record/live-record';
import { describeChanges } from './describe-changes';

export interface ReplayDay {
  readonly date: string;
  readonly changes: readonly string[];
}

export interface Replay {
  readonly organisation: string;
  readonly from: string;
  readonly to: string;
  readonly knownAt: string | null;
  /** Only the days on which something changed, in date order. */
  readonly days: readonly ReplayDay[];
}

/** The longest span replayed in one call: a century of days keeps a call under a few seconds. */
export const MAX_REPLAY_DAYS = 36_600;

/**
 * The organisation's history told day by day: the state on each day is compared with the day before, and each
 * day on which anything changed becomes a list of sentences.
 *
 * It steps through every day rather than through the facts' effective dates: changes also happen on days no
 * fact names (a term that ends, a withdrawal that takes effect months after notice, a fact known only to a
 * month that counts from the month's end), and the projections already know those rules. Stepping is cheap
 * enough: each day is a state composed from cached subject views. Measured on the chronology (113 facts):
 * 1992–2024, about 12,000 days, takes some 0.75 s beyond the CLI's start-up, about 60 µs a day.
 */
@Injectable()
export class HistoryReplay {
  constructor(private readonly record: LiveRecord) {}

  async replay({ org, from, to, knownAt: at }: ReplayQuestion): Promise<Replay> {
    const knownAt = instantOf(at);
    if (to < from)
      throw new InvalidQuery([{ path: 'to', reason: `must not be before from (${from}), got "${to}"` }]);
    if (daysBetween(from, to) > MAX_REPLAY_DAYS) {
      throw new InvalidQuery([
        { path: 'to', reason: `at most ${MAX_REPLAY_DAYS} days after from can be replayed at once` },
      ]);
    }
    const index = await this.record.current();
    const source = index.source(knownAt);
    if (!source.organisation(org)) throw this.record.notFound('organisation', org, knownAt);
    const name = (id: string): string => {
      const title = source.instrument(id)?.adopted?.title;
      return title ? `the ${title} (${id})` : id;
    };
    const days: ReplayDay[] = [];
    let before = index.stateAsOf({ organisation: org, asOf: addDays(from, -1), knownAt });
    for (let date = from; date <= to; date = addDays(date, 1)) {
      const after = index.stateAsOf({ organisation: org, asOf: date, knownAt });
      const changes = describeChanges(before, after, name);
      if (changes.length > 0) days.push({ date, changes });
      before = after;
    }
    return { organisation: org, from, to, knownAt, days };
  }
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}
