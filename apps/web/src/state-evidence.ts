import type { HistorySpell, MemberRow, OrganisationHistory } from '@app/projections';
import { holdsOn } from './holds-on';

/**
 * The facts behind each status the state shows on a day, looked up in the organisation's history: the spell of
 * that participant which holds on the day and says the same thing. To be replaced by the `eventIds` the server
 * will give on every row of the state (issue 12): then the page matches nothing itself.
 */
export class StateEvidence {
  constructor(private readonly history: OrganisationHistory) {}

  member(row: MemberRow, day: string): readonly string[] {
    const statuses: readonly HistorySpell['status'][] =
      row.status === 'active' ? ['member', 'party'] : [row.status];
    return (
      this.spell(row.participant, day, (s) => statuses.includes(s.status) && s.basis === row.basis) ??
      this.spell(row.participant, day, (s) => statuses.includes(s.status)) ??
      []
    );
  }

  signatory(participant: string, instrument: string, day: string): readonly string[] {
    return this.spell(participant, day, (s) => s.status === 'signatory' && s.instrument === instrument) ?? [];
  }

  grant(participant: string, role: 'observer' | 'partner', body: string, day: string): readonly string[] {
    return this.spell(participant, day, (s) => s.status === role && s.body === body) ?? [];
  }

  instrument(id: string): readonly string[] {
    return this.history.instruments.find((i) => i.id === id)?.eventIds ?? [];
  }

  deployment(id: string): readonly string[] {
    return this.history.deployments.find((d) => d.id === id)?.phases.map((p) => p.eventId) ?? [];
  }

  external(body: string, status: string, day: string): readonly string[] {
    return (
      this.history.externalStatuses.find((s) => s.body === body && s.status === status && holdsOn(s, day))
        ?.eventIds ?? []
    );
  }

  private spell(
    participant: string,
    day: string,
    matches: (spell: HistorySpell) => boolean,
  ): readonly string[] | undefined {
    const spells = this.history.participants.find((p) => p.participant === participant)?.spells ?? [];
    return spells.find((spell) => holdsOn(spell, day) && matches(spell))?.eventIds;
  }
}
