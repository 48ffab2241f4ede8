import { Command, Option } from 'nest-commander';
import { HistoryQueries, type TimelinePage, TimelineQuestion, validateQuery } from '@app/history';
import type { TimelineEntry } from '@app/projections';
import { renderSections } from '../output/sections';
import { PeriodQueryCommand, type PeriodQueryFlags } from '../query-command';
import { runQuery } from '../run-query';

interface TimelineFlags extends PeriodQueryFlags {
  participant?: string;
  type?: string;
  instrument?: string;
  offset?: string;
  limit?: string;
}

@Command({
  name: 'timeline',
  arguments: '<org>',
  description:
    "the organisation's facts (its own, its instruments' and its deployments') in effective-date order",
})
export class TimelineCommand extends PeriodQueryCommand<TimelineFlags> {
  constructor(private readonly queries: HistoryQueries) {
    super();
  }

  async run([organisation]: string[], flags: TimelineFlags): Promise<void> {
    const { json: _json, ...filters } = flags;
    await runQuery(
      { command: 'timeline', names: { org: '<org>' }, json: flags.json, render: renderTimeline },
      () => this.queries.timeline(validateQuery(TimelineQuestion, { ...filters, org: organisation })),
    );
  }

  @Option({
    flags: '--participant <participant>',
    description: 'only facts about this participant (e.g. ARM)',
  })
  parseParticipant(value: string): string {
    return value;
  }

  @Option({ flags: '--type <type>', description: 'only facts of this event type (e.g. MemberAdmitted)' })
  parseType(value: string): string {
    return value;
  }

  @Option({ flags: '--instrument <id>', description: 'only facts about this instrument' })
  parseInstrument(value: string): string {
    return value;
  }

  @Option({ flags: '--offset <n>', description: 'skip this many entries (default 0)' })
  parseOffset(value: string): string {
    return value;
  }

  @Option({ flags: '--limit <n>', description: 'at most this many entries, 1 to 1000 (default 100)' })
  parseLimit(value: string): string {
    return value;
  }
}

function renderTimeline(page: TimelinePage): string {
  const shown =
    page.entries.length === page.total
      ? `${page.total} facts`
      : `facts ${page.offset + 1}–${page.offset + page.entries.length} of ${page.total}`;
  return renderSections(`timeline of ${page.organisation}: ${shown}`, [
    [
      'facts',
      ['effective', 'type', 'who', 'about', 'id'],
      page.entries.map((entry) => [entry.effectiveDate, entry.type, who(entry), about(entry), entry.id]),
    ],
  ]);
}

function who({ event }: TimelineEntry): string | undefined {
  if ('participant' in event) return event.participant;
  if ('contributor' in event) return event.contributor;
  if ('host' in event) return event.host;
  return undefined;
}

/** The instrument, deployment or organisation the fact is about, whichever it names first. */
function about({ event }: TimelineEntry): string {
  // A stated position belongs to the organisation and names an instrument only sometimes.
  if (event.type === 'PositionStated') return event.instrument ?? event.organisation;
  if ('instrument' in event) return event.instrument;
  if ('deployment' in event) return event.deployment;
  return event.organisation;
}
