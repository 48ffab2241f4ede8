import type { Row } from './chart-layout';
import { html } from './dom';

type ShowEvidence = (title: string, eventIds: readonly string[]) => void;

/**
 * A row's instruments, as its history gives them: each instrument the participant signed or is bound by, with
 * every spell under it (signatory, then party, again after a re-accession) and the facts behind each.
 */
export function participantInstruments(row: Row, showEvidence: ShowEvidence): HTMLElement {
  if (row.instruments.length === 0)
    return html(
      'p',
      { class: 'empty' },
      `${row.fullName} signed no instrument of the organisation in the record.`,
    );
  return html(
    'ul',
    { class: 'participant-instruments' },
    ...row.instruments.map(({ id, title, spells }) =>
      html(
        'li',
        { 'data-instrument': id },
        html('strong', {}, title),
        ` (${id})`,
        html(
          'ul',
          {},
          ...spells.map((spell) => {
            const what = `${spell.status} ${spell.from} – ${spell.to ?? 'open'}`;
            const count = `${spell.eventIds.length} fact${spell.eventIds.length === 1 ? '' : 's'}`;
            const button = html(
              'button',
              {
                type: 'button',
                class: 'evidence-link',
                'aria-label': `${count}: ${row.fullName} ${what} of ${id}`,
              },
              count,
            );
            button.addEventListener('click', () =>
              showEvidence(`${row.fullName}: ${what} of the ${title}`, spell.eventIds),
            );
            // A date is never broken across lines.
            return html(
              'li',
              { 'data-status': spell.status },
              `${spell.status} `,
              html('span', { class: 'date' }, spell.from),
              ' – ',
              html('span', { class: 'date' }, spell.to ?? 'open'),
              ' ',
              button,
            );
          }),
        ),
      ),
    ),
  );
}
