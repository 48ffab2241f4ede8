import type { UncertainRow } from '@app/projections';
import { renderTable } from './table';

type Rows = readonly (readonly (string | number | null | undefined)[])[];
export type Section = readonly [name: string, headers: readonly string[], rows: Rows];

/** A title, then one titled table per non-empty section (empty ones are listed as "none"), for people. */
export function renderSections(title: string, sections: readonly Section[]): string {
  const parts = [title];
  for (const [name, headers, rows] of sections) {
    parts.push(
      rows.length === 0 ? `\n${name}: none` : `\n${name} (${rows.length}):\n${renderTable(headers, rows)}`,
    );
  }
  return parts.join('\n');
}

/** The changes whose date is known only to a period containing the day: the same section in every dated answer. */
export function uncertainSection(rows: readonly UncertainRow[]): Section {
  return [
    'uncertain',
    ['subject', 'participant', 'status', 'from', 'to', 'because'],
    rows.map((u) => [u.subject, u.participant, u.status, u.from, u.to, u.because]),
  ];
}

/** Names the facts behind each row (`--evidence`); absent: no evidence column. */
export type Evidence = ((ids: readonly string[]) => string) | undefined;

/** Each row's facts named one after the other, for the evidence column. */
export function namesOf(name: (id: string) => string): Evidence {
  return (ids) => ids.map(name).join(' ');
}

/** The section with an `evidence` column naming each row's facts, when evidence was asked for. */
export function evidenced(
  section: Section,
  ids: readonly (readonly string[])[],
  evidence: Evidence,
): Section {
  if (!evidence) return section;
  const [name, headers, rows] = section;
  return [name, [...headers, 'evidence'], rows.map((row, index) => [...row, evidence(ids[index] ?? [])])];
}
