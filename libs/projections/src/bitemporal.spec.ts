import type { Fact } from './record/fact';
import { charterHistory, csto } from './testing/scenarios';
import { given, record, recordedOn } from './testing/given';
import { participantHistory, timeline } from './index';

describe('what the record said, and when', () => {
  const history = record(charterHistory());
  const n = history.length;
  const frozen: Fact = {
    id: 'freeze',
    position: n + 1,
    recordedAt: recordedOn(n + 1),
    event: csto.frozen('ARM', '2024-02-22'),
  };
  const correction: Fact = {
    id: 'fix',
    position: n + 2,
    recordedAt: recordedOn(n + 2),
    event: {
      type: 'FactCorrected',
      supersedes: 'freeze',
      reason: 'the statement was made on 23 February',
      effectiveDate: '2024-02-22',
      sources: frozen.event.sources,
      confidence: 'high',
      corrected: csto.frozen('ARM', '2024-02-23'),
    },
  };
  const facts = [...history, frozen, correction];

  it("changes today's answer with a correction recorded later, but not the answer as known before it was recorded", () => {
    const today = given(facts).asOf('2024-02-22');
    expect(today.members.find((m) => m.participant === 'ARM')?.status).toBe('active');
    const before = given(facts).knownAt(frozen.recordedAt).asOf('2024-02-22');
    expect(before.knownAt).toBe(frozen.recordedAt);
    expect(before.members.find((m) => m.participant === 'ARM')?.status).toBe('frozen');
  });

  it('drops a retracted fact from the moment the retraction is recorded', () => {
    const retraction: Fact = {
      ...correction,
      id: 'retract',
      event: {
        type: 'FactRetracted',
        supersedes: 'freeze',
        reason: 'no such statement',
        effectiveDate: '2024-02-22',
        sources: frozen.event.sources,
        confidence: 'high',
      },
    };
    const withRetraction = [...history, frozen, retraction];
    expect(
      given(withRetraction)
        .asOf('2024-06-01')
        .members.find((m) => m.participant === 'ARM')?.status,
    ).toBe('active');
    expect(
      given(withRetraction)
        .knownAt(frozen.recordedAt)
        .asOf('2024-06-01')
        .members.find((m) => m.participant === 'ARM')?.status,
    ).toBe('frozen');
  });

  it('knows nothing recorded after knownAt, even a backdated fact about 1992', () => {
    expect(given(facts).knownAt('2025-01-01T00:00:00.000Z').asOf('1995-01-01').members).toEqual([]);
  });

  it('lists the timeline in effective order with the corrected content and the correction named', () => {
    const entries = timeline(facts, { participant: 'ARM', from: '2024-01-01' });
    expect(entries).toEqual([
      expect.objectContaining({
        id: 'freeze',
        effectiveDate: '2024-02-23',
        type: 'ParticipationFrozen',
        correctedBy: ['fix'],
      }),
    ]);
    expect(
      timeline(facts, { type: 'InstrumentSigned', instrument: 'cst-1992' }).map((e) => e.effectiveDate),
    ).toEqual([...Array<string>(6).fill('1992-05-15'), '1993-09-24', '1993-12-09', '1993-12-31']);
  });

  it("tells a participant's history as spells: party to the Treaty, then member of the Organization from its founding, frozen", () => {
    expect(participantHistory(facts, 'ARM', { organisation: 'csto' })).toEqual([
      expect.objectContaining({
        instrument: 'cst-1992',
        status: 'signatory',
        from: '1992-05-15',
        to: '1994-04-20',
      }),
      expect.objectContaining({ instrument: 'cst-1992', status: 'party', from: '1994-04-20', to: null }),
      expect.objectContaining({
        instrument: 'cst-extension-protocol-1999',
        status: 'signatory',
        from: '1999-04-02',
        to: null,
      }),
      expect.objectContaining({
        instrument: 'csto-charter-2002',
        status: 'signatory',
        from: '2002-10-07',
        to: '2003-09-18',
      }),
      expect.objectContaining({
        instrument: 'csto-charter-2002',
        status: 'party',
        from: '2003-09-18',
        to: null,
      }),
      expect.objectContaining({
        organisation: 'csto',
        status: 'member',
        from: '2003-09-18',
        to: null,
        basis: 'csto-charter-2002',
      }),
      expect.objectContaining({ organisation: 'csto', status: 'frozen', from: '2024-02-23', to: null }),
    ]);
  });

  it('ends the 1992 Treaty for Georgia at the end of its term, derivation and report agreeing', () => {
    const geo = participantHistory(facts, 'GEO').find((s) => s.status === 'party');
    expect(geo).toMatchObject({ instrument: 'cst-1992', from: '1994-04-20', to: '1999-04-21' });
    const row = given(facts)
      .instrument('cst-1992', '2000-01-01')
      .participants.find((p) => p.participant === 'GEO');
    expect(row?.termination).toEqual({
      derived: '1999-04-21',
      reported: '1999-04-21',
      governing: '1999-04-21',
      disagreement: false,
      reason: 'non-renewal',
    });
  });
});
