import fc from 'fast-check';
import {
  referenceInstrumentStatusAsOf,
  referenceOrganisationHistory,
  referenceStateAsOf,
} from '../reference';
import { history } from './arbitraries';

/**
 * The property tests are only as strong as the histories they draw: a sample of them must reach each reading of
 * the catalogue that the index and the reference could get wrong.
 */
describe('generated histories', () => {
  const sample = fc.sample(history, { numRuns: 60, seed: 12 });
  const days = ['1995-06-01', '2000-06-01', '2005-06-01', '2010-06-01', '2015-06-01', '2020-06-01'];
  const reached = new Set<string>();
  for (const { facts } of sample) {
    const ranges = facts.map((fact) => fact.event.effectiveDate).filter((date) => date.includes('/'));
    const chart = referenceOrganisationHistory(facts, { organisation: 'csto' });
    for (const { spells } of chart.participants) {
      const periods = spells.filter((spell) => spell.status === 'party' && spell.instrument === 'cst-1992');
      if (periods.length > 1) reached.add('re-accession');
      const frozen = spells.filter((spell) => spell.status === 'frozen');
      if (
        frozen.some((spell) =>
          spells.some((other) => other.status === 'suspended' && other.from === spell.to),
        )
      )
        reached.add('freeze ended by a suspension');
      if (spells.some((spell) => spell.instrument === 'cst-protocol-2010' && spell.status === 'party'))
        reached.add('protocol parties from a general report');
      const members = spells.filter((spell) => spell.status === 'member' && spell.to !== null);
      if (frozen.some((spell) => members.some((member) => member.to === spell.to)))
        reached.add('status ended with the membership');
    }
    for (const asOf of days) {
      const state = referenceStateAsOf(facts, { organisation: 'csto', asOf });
      if (state.instruments.some((row) => row.inForce === 'undetermined'))
        reached.add('undetermined entry into force');
      if (state.uncertain.some((row) => row.status === 'disputed')) reached.add('dispute on the day');
      if (
        [...state.members, ...state.signatories, ...state.observers, ...state.partners].some(
          (row) => row.disputed !== undefined,
        )
      )
        reached.add('row flagged disputed');
      if (state.uncertain.some((row) => ranges.some((range) => row.because.includes(range))))
        reached.add('range date');
      if (
        state.uncertain.some((row) =>
          row.because.includes('by report, but the record holds none of the consents'),
        )
      )
        reached.add('signatories of an instrument in force by report');
      const protocol = referenceInstrumentStatusAsOf(facts, { instrument: 'cst-protocol-2010', asOf });
      if (protocol.participants.some((row) => row.status === 'party' && row.entryIntoForce.derived === null))
        reached.add('protocol party shown as reported');
    }
  }

  it.each([
    're-accession',
    'freeze ended by a suspension',
    'status ended with the membership',
    'protocol parties from a general report',
    'protocol party shown as reported',
    'undetermined entry into force',
    'dispute on the day',
    'row flagged disputed',
    'range date',
    'signatories of an instrument in force by report',
  ])('reach %s', (reading) => {
    expect(reached).toContain(reading);
  });
});
