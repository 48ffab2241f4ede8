import type { SubjectEvent } from './events/catalogue';
import { compareInEffectiveOrder, forEachStanding, type Superseding } from './supersession';
import { fact } from './testing/given-when-then';

const signed = (participant: string, effectiveDate = '1992-05-15') =>
  fact('InstrumentSigned', { instrument: 'cst-1992', participant, effectiveDate }) as SubjectEvent;
const recorded = (id: string, position: number, event: Superseding['event']): Superseding => ({
  id,
  position,
  event,
});
const correct = (supersedes: string, corrected: SubjectEvent) =>
  fact('FactCorrected', { supersedes, effectiveDate: corrected.effectiveDate, corrected });
const retract = (supersedes: string) => fact('FactRetracted', { supersedes, effectiveDate: '1992-05-15' });

function standing(
  facts: Superseding[],
): { id: string; participant: string; correctedBy: readonly string[] }[] {
  const out: { id: string; participant: string; correctedBy: readonly string[] }[] = [];
  forEachStanding(facts, (f, event, correctedBy) =>
    out.push({ id: f.id, participant: (event as { participant: string }).participant, correctedBy }),
  );
  return out;
}

describe('forEachStanding: the record once corrections and retractions apply', () => {
  it('gives each fact the content of its last correction by position, in the order the facts came, whatever order the corrections came in', () => {
    const facts = [
      recorded('b', 5, correct('a', signed('KAZ'))),
      recorded('a', 1, signed('ARM')),
      recorded('c', 9, correct('a', signed('KGZ'))),
      recorded('d', 2, signed('TJK')),
    ];
    expect(standing(facts)).toEqual([
      { id: 'a', participant: 'KGZ', correctedBy: ['b', 'c'] },
      { id: 'd', participant: 'TJK', correctedBy: [] },
    ]);
  });

  it('follows a correction of a correction to the fact it corrects in the end', () => {
    const facts = [
      recorded('a', 1, signed('ARM')),
      recorded('b', 2, correct('a', signed('KAZ'))),
      recorded('c', 3, correct('b', signed('KGZ'))),
    ];
    expect(standing(facts)).toEqual([{ id: 'a', participant: 'KGZ', correctedBy: ['b', 'c'] }]);
  });

  it('drops a retracted fact, and ignores a supersession whose fact the record does not hold', () => {
    const facts = [
      recorded('a', 1, signed('ARM')),
      recorded('b', 2, retract('a')),
      recorded('c', 3, signed('KAZ')),
      recorded('d', 4, retract('zz')),
    ];
    expect(standing(facts)).toEqual([{ id: 'c', participant: 'KAZ', correctedBy: [] }]);
  });

  it('is total on a cycle no store can produce', () => {
    const facts = [
      recorded('x', 1, retract('y')),
      recorded('y', 2, retract('x')),
      recorded('a', 3, signed('ARM')),
    ];
    expect(standing(facts)).toEqual([{ id: 'a', participant: 'ARM', correctedBy: [] }]);
  });
});

describe('compareInEffectiveOrder', () => {
  it('places a coarse date or a range at its first day, and breaks ties by recorded position', () => {
    const placed = [
      { position: 4, event: { effectiveDate: '1992-05-15' } },
      { position: 3, event: { effectiveDate: '1992' } },
      { position: 1, event: { effectiveDate: '1992-05' } },
      { position: 2, event: { effectiveDate: '1992-01-01' } },
      { position: 0, event: { effectiveDate: '1992-05-01/1993' } },
    ];
    expect([...placed].sort(compareInEffectiveOrder).map((p) => p.position)).toEqual([2, 3, 0, 1, 4]);
  });
});
