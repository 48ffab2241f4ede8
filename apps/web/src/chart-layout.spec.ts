import type { OrganisationHistory } from '@app/projections';
import { layoutChart } from './chart-layout';
import { firstDayOf, isDay } from './days';
import { holdsOn } from './holds-on';
import { Names } from './names';
import { StateEvidence } from './state-evidence';
import { legendEntries, STATUS_STYLES } from './statuses';

const names = new Names([
  { id: 'ARM', name: 'Armenia', shortName: 'Armenia', kind: 'state' },
  { id: 'KAZ', name: 'Kazakhstan', shortName: 'Kazakhstan', kind: 'state' },
  {
    id: 'csto-parliamentary-assembly',
    name: 'Parliamentary Assembly of the CSTO',
    shortName: 'CSTO Parliamentary Assembly',
    kind: 'body',
  },
]);

const history: OrganisationHistory = {
  organisation: 'csto',
  name: 'Collective Security Treaty Organization',
  knownAt: null,
  founded: '2003-09-18',
  participants: [
    {
      participant: 'ARM',
      spells: [
        {
          instrument: 'cst-1992',
          status: 'signatory',
          from: '1992-05-15',
          to: '1994-04-20',
          basis: 'cst-1992',
          eventIds: ['sig'],
        },
        {
          organisation: 'csto',
          status: 'member',
          from: '1994-04-20',
          to: null,
          basis: 'csto-charter-2002',
          eventIds: ['adm'],
        },
        {
          organisation: 'csto',
          status: 'frozen',
          from: '2024-02',
          to: null,
          basis: 'csto-charter-2002',
          eventIds: ['frz'],
        },
      ],
    },
    {
      participant: 'SRB',
      spells: [
        {
          organisation: 'csto',
          status: 'observer',
          body: 'csto-parliamentary-assembly',
          from: '2013-04-11',
          to: null,
          basis: 'csto-parliamentary-assembly',
          eventIds: ['obs'],
        },
      ],
    },
  ],
  instruments: [
    {
      id: 'cst-1992',
      title: 'Collective Security Treaty',
      kind: 'treaty',
      adopted: '1992-05-15',
      entryIntoForce: {
        derived: '1994-04-20',
        reported: '1994-04-20',
        governing: '1994-04-20',
        disagreement: false,
      },
      eventIds: ['cst'],
    },
    {
      id: 'draft',
      title: null,
      kind: null,
      adopted: null,
      entryIntoForce: { derived: null, reported: null, governing: null, disagreement: false },
      eventIds: [],
    },
  ],
  deployments: [
    {
      id: 'kaz-2022',
      host: 'KAZ',
      phases: [
        { status: 'requested', from: '2022-01-05', eventId: 'req' },
        { status: 'active', from: '2022-01-06', eventId: 'act' },
        { status: 'ended', from: '2022-01-19', eventId: 'end' },
      ],
      contingents: [],
    },
  ],
  externalStatuses: [
    { body: 'un-general-assembly', status: 'observer', from: '2004-12-02', to: null, eventIds: ['una'] },
  ],
};

describe('the chart layout', () => {
  const layout = layoutChart(history, names, {
    first: '1992-01-01',
    last: '2024-12-31',
    width: 1000,
    rowHeight: 24,
  });

  it('gives one row per participant, in the order the API gives them, each under the last, named with its code beside', () => {
    expect(layout.rows.map((r) => r.participant)).toEqual(['ARM', 'SRB']);
    expect(layout.rows.map((r) => [r.label, r.fullName])).toEqual([
      ['Armenia ARM', 'Armenia (ARM)'],
      ['SRB', 'SRB'],
    ]);
    expect(layout.rows[1]!.y - layout.rows[0]!.y).toBe(24);
    expect(layout.height).toBeGreaterThan(layout.rows[1]!.y + 24);
  });

  it('draws a bar per spell, coloured by status, frozen over membership, with what it means in words', () => {
    const [signatory, member, frozen] = layout.rows[0]!.bars;
    expect([signatory?.status, member?.status, frozen?.status]).toEqual(['signatory', 'member', 'frozen']);
    expect([signatory?.colour, member?.colour, frozen?.colour]).toEqual([
      STATUS_STYLES.signatory.colour,
      STATUS_STYLES.member.colour,
      STATUS_STYLES.frozen.colour,
    ]);
    expect(member?.x).toBeCloseTo(layout.xOf('1994-04-20'));
    expect((member?.x ?? 0) + (member?.width ?? 0)).toBeCloseTo(layout.plot.right);
    expect(frozen?.x).toBeCloseTo(layout.xOf('2024-02-01'));
    expect(member?.label).toBe('Armenia (ARM): member (csto-charter-2002), 1994-04-20 – open');
    expect(layout.rows[1]!.bars[0]).toMatchObject({
      status: 'observer',
      label:
        'SRB: observer of Parliamentary Assembly of the CSTO (csto-parliamentary-assembly), 2013-04-11 – open',
      eventIds: ['obs'],
    });
  });

  it('marks only instruments with a known entry into force, and draws a short deployment wide enough to see', () => {
    expect(layout.markers).toEqual([
      {
        id: 'cst-1992',
        number: 1,
        x: layout.xOf('1994-04-20'),
        labelY: layout.plot.top - 14,
        eventIds: ['cst'],
        label: 'Collective Security Treaty in force 1994-04-20',
      },
    ]);
    const band = layout.bands[0];
    expect(band?.x).toBeCloseTo(layout.xOf('2022-01-06'));
    expect(band?.width).toBeGreaterThanOrEqual(5);
    expect(band?.eventIds).toEqual(['req', 'act', 'end']);
  });

  it('numbers markers by date and stacks the numbers of markers too close to tell apart', () => {
    const protocol = (id: string, day: string) => ({
      id,
      title: id,
      kind: 'protocol',
      adopted: '2018-11-08',
      entryIntoForce: { derived: day, reported: null, governing: day, disagreement: false },
      eventIds: [id],
    });
    const { markers, plot } = layoutChart(
      {
        ...history,
        instruments: [
          protocol('third', '2021-01-19'),
          protocol('second', '2021-01-19'),
          protocol('first', '2012-12-19'),
        ],
      },
      names,
    );
    expect(markers.map((m) => [m.number, m.id])).toEqual([
      [1, 'first'],
      [2, 'third'],
      [3, 'second'],
    ]);
    expect(markers[1]!.labelY).toBe(markers[0]!.labelY);
    expect(markers[2]!.labelY).toBeLessThan(markers[1]!.labelY);
    expect(markers[2]!.labelY - 9).toBeGreaterThanOrEqual(0);
    expect(plot.top).toBeGreaterThan(layout.plot.top);
  });

  it('maps days to x and back within the range, clamping outside it', () => {
    expect(layout.dayAt(layout.xOf('2012-12-20') + 0.01)).toBe('2012-12-20');
    expect(layout.xOf('1980-01-01')).toBe(layout.plot.left);
    expect(layout.dayAt(layout.plot.right + 50)).toBe('2024-12-31');
    expect(layout.ticks.filter((t) => t.labelled).map((t) => t.year)).toEqual([
      1992, 1996, 2000, 2004, 2008, 2012, 2016, 2020, 2024,
    ]);
  });
});

describe('days and the record’s coarse dates', () => {
  it('accepts real days only', () => {
    expect(['2012-12-20', '2024-02-29'].map(isDay)).toEqual([true, true]);
    expect(['2023-02-29', '2012-13-01', '2012-12-2', ''].map(isDay)).toEqual([false, false, false, false]);
  });

  it('takes the first day of a month, a year or an interval', () => {
    expect(['2024-02', '1994', '2012-06-28/2012-12-28', '2012-12-19'].map(firstDayOf)).toEqual([
      '2024-02-01',
      '1994-01-01',
      '2012-06-28',
      '2012-12-19',
    ]);
  });

  it('says a spell holds on a day by the server’s rule: a coarse date has surely taken effect on its last day', () => {
    expect(holdsOn({ from: '2012-12-19', to: '2013-01-01' }, '2012-12-31')).toBe(true);
    expect(holdsOn({ from: '2012-12-19', to: '2013-01-01' }, '2013-01-01')).toBe(false);
    expect(
      ['2013-06-01', '2013-12-31', '2014-01-01'].map((day) => holdsOn({ from: '2013', to: null }, day)),
    ).toEqual([false, true, true]);
    expect(
      ['2024-01-31', '2024-02-28', '2024-02-29', '2024-03-01'].map((day) =>
        holdsOn({ from: '2012-12-19', to: '2024-02' }, day),
      ),
    ).toEqual([true, true, false, false]);
  });
});

describe('the evidence behind a status on a day', () => {
  const evidence = new StateEvidence(history);

  it('finds the spell that holds on the day and says the same thing', () => {
    expect(
      evidence.member(
        {
          participant: 'ARM',
          status: 'active',
          basis: 'csto-charter-2002',
          since: '1994-04-20',
          statusSince: '1994-04-20',
          eventIds: [],
        },
        '2010-01-01',
      ),
    ).toEqual(['adm']);
    expect(
      evidence.member(
        {
          participant: 'ARM',
          status: 'frozen',
          basis: 'csto-charter-2002',
          since: '1994-04-20',
          statusSince: '2024-02-01',
          eventIds: [],
        },
        '2024-06-01',
      ),
    ).toEqual(['frz']);
    expect(evidence.signatory('ARM', 'cst-1992', '1993-01-01')).toEqual(['sig']);
    expect(evidence.grant('SRB', 'observer', 'csto-parliamentary-assembly', '2014-01-01')).toEqual(['obs']);
    expect(evidence.deployment('kaz-2022')).toEqual(['req', 'act', 'end']);
    expect(evidence.external('un-general-assembly', 'observer', '2010-01-01')).toEqual(['una']);
  });

  it('finds nothing rather than the wrong fact', () => {
    expect(evidence.grant('SRB', 'observer', 'csto', '2014-01-01')).toEqual([]);
    expect(evidence.signatory('ARM', 'cst-1992', '1995-01-01')).toEqual([]);
    expect(evidence.instrument('unknown')).toEqual([]);
  });
});

describe('the legend', () => {
  it('explains every status the server answers, once per distinct explanation', () => {
    const legends = legendEntries().map((entry) => entry.legend);
    expect(new Set(legends).size).toBe(legends.length);
    expect([...new Set(Object.values(STATUS_STYLES).map((style) => style.legend))]).toEqual(legends);
  });
});
