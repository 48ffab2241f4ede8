import { Command } from 'nest-commander';
import type { Source } from '@app/domain';
import { type AuditTrail, HistoryQueries } from '@app/history';
import { JsonCommand } from '../query-command';
import { runQuery } from '../run-query';

@Command({
  name: 'fact',
  arguments: '<id>',
  description:
    'one fact: what it says, its sources and dispute readings, its corrections and its audit trail (by event id or chronology fact id)',
})
export class FactCommand extends JsonCommand {
  constructor(private readonly queries: HistoryQueries) {
    super();
  }

  async run([id = '']: string[], flags: { json?: boolean }): Promise<void> {
    await runQuery({ command: 'fact', json: flags.json, render: renderFact }, () =>
      this.queries.auditTrail(id),
    );
  }
}

/** The fields the type adds to those every event shares, as `name: value`. */
const SHARED = new Set(['type', 'effectiveDate', 'sources', 'confidence', 'dispute', 'note']);

function renderFact(trail: AuditTrail): string {
  const { event } = trail;
  const name = trail.importedFrom?.factId ?? trail.id;
  const fields = Object.entries(event)
    .filter(([key]) => !SHARED.has(key))
    .map(([key, value]) => `  ${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const lines = [
    `fact ${name}${name === trail.id ? '' : ` (event ${trail.id})`}`,
    `${event.type}, effective ${event.effectiveDate}, confidence ${event.confidence}`,
    ...fields,
    ...(event.note ? [`note: ${event.note}`] : []),
    '',
    `sources (${event.sources.length}):`,
    ...event.sources.map((source) => `  - ${sourceLine(source)}`),
  ];
  if (event.dispute) {
    lines.push('', `disputed: followed because ${event.dispute.followed}`);
    for (const reading of event.dispute.readings) {
      lines.push(
        `  - reading: ${reading.claim}${reading.effectiveDate ? ` (${reading.effectiveDate})` : ''}`,
        ...reading.sources.map((source) => `      ${sourceLine(source)}`),
      );
    }
  }
  lines.push('', 'recorded:', `  ${recordedLine(trail)}`);
  lines.push(
    '',
    trail.supersededBy.length === 0 ? 'corrections: none' : `corrections (${trail.supersededBy.length}):`,
  );
  for (const later of trail.supersededBy)
    lines.push(
      `  - ${later.event.type} ${later.id}: ${recordedLine(later)}${'reason' in later.event ? `; reason: ${String(later.event.reason)}` : ''}`,
    );
  return lines.join('\n');
}

function sourceLine(source: Source): string {
  if ('seed' in source) return `seed ${source.seed}: "${source.quote}"`;
  const about = [source.publisher, source.published].filter((part) => part !== undefined).join(', ');
  return `${source.title} — ${source.url}${about ? ` (${about})` : ''}`;
}

function recordedLine(trail: Omit<AuditTrail, 'supersededBy'>): string {
  const from = trail.importedFrom
    ? `, imported from ${trail.importedFrom.file}:${trail.importedFrom.line}`
    : trail.request
      ? `, by request ${trail.request.method} ${trail.request.path}`
      : '';
  return `${trail.recordedAt} by ${trail.recordedBy} in ${trail.streamId} (revision ${trail.revision}, position ${trail.position})${from}`;
}
