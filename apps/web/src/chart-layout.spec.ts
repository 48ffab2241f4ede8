import type { OrganisationHistory } from '@app/projections';
import { layoutChart } from './chart-layout';
import { hasTakenEffect, spanOf } from '@app/projections/time/span';
import { dateOf, dayNumber, firstDayOf, isDay } from './days';
import { Names } from './names';
import { recordFacts, type RecordFacts } from './record-facts';
import { legendEntries, STATUS_STYLES } from './statuses';
import { firstCertainDay } from './taken-effect';

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
  established: null,
  disputes: [],
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

const noFacts: RecordFacts = { founding: null, disputes: new Map() };

describe('the chart layout', () => {
  const layout = layoutChart(history, names, noFacts, {
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
    expect(frozen?.x).toBeCloseTo(layout.xOf('2024-02-29'));
    expect(member?.label).toBe('Armenia (ARM): member (csto-charter-2002), 1994-04-20 – open');
    expect(layout.rows[1]!.bars[0]).toMatchObject({
      status: 'observer',
      label:
        'SRB: observer of Parliamentary Assembly of the CSTO (csto-parliamentary-assembly), 2013-04-11 – open',
      eventIds: ['obs'],
    });
  });

  it('draws a start known only to a month solid from the day the server holds it certain, hatched over the days before', () => {
    const frozen = layout.rows[0]!.bars[2];
    expect(frozen?.doubts).toEqual([
      {
        kind: 'undetermined',
        x: layout.xOf('2024-02-01'),
        width: layout.xOf('2024-02-29') - layout.xOf('2024-02-01'),
        from: '2024-02-01',
        to: '2024-02-28',
        label: 'Armenia (ARM): frozen from a day in 2024-02: undetermined from 2024-02-01 to 2024-02-28',
      },
    ]);
    expect(layout.rows[0]!.bars[1]?.doubts).toEqual([]);
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
        range: null,
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
      noFacts,
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

describe('the succession, the instruments of a row, and disputes', () => {
  const party = (instrument: string, from: string, to: string | null, eventIds: string[]) => ({
    instrument,
    status: 'party' as const,
    from,
    to,
    basis: instrument,
    eventIds,
  });
  const succession: OrganisationHistory = {
    ...history,
    participants: [
      {
        participant: 'ARM',
        spells: [
          history.participants[0]!.spells[0]!,
          party('cst-1992', '1994-04-20', null, ['dep']),
          party('csto-charter-2002', '2003-09-18', null, ['charter-dep']),
          {
            organisation: 'csto',
            status: 'member',
            from: '2003-09-18',
            to: null,
            basis: 'csto-charter-2002',
            eventIds: ['charter-dep'],
          },
        ],
      },
      { participant: 'KAZ', spells: [party('cst-1992', '1994-04-20', '1999-04-21', ['dep-kaz', 'lapse'])] },
    ],
    instruments: [
      ...history.instruments,
      {
        id: 'csto-charter-2002',
        title: 'Charter of the CSTO',
        kind: 'charter',
        adopted: '2002-10-07',
        entryIntoForce: {
          derived: null,
          reported: '2003-09-18',
          governing: '2003-09-18',
          disagreement: false,
        },
        eventIds: ['charter-adopted', 'charter-eif'],
      },
      {
        id: 'pk',
        title: 'Peacekeeping Agreement',
        kind: 'agreement',
        adopted: '2007-10-06',
        entryIntoForce: {
          derived: null,
          reported: '2008-10-24/2009-01-15',
          governing: '2008-10-24/2009-01-15',
          disagreement: false,
        },
        eventIds: ['pk'],
      },
    ],
  };
  const facts = recordFacts({
    ...succession,
    established: {
      foundingInstrument: 'csto-charter-2002',
      predecessorInstrument: 'cst-1992',
      eventId: 'established',
    },
    disputes: [
      {
        eventId: 'lapse',
        date: '1999-04-21',
        followed: 'the term expires on 20 April',
        readings: [{ claim: 'withdrew at the Protocol', effectiveDate: '1999-04-02' }],
        from: '1999-04-02',
        to: '1999-04-21',
      },
    ],
  });
  const layout = layoutChart(succession, names, facts);

  it('draws the predecessor treaty’s parties and the organisation’s members in their own colours, with the founding as the boundary', () => {
    const bars = layout.rows[0]!.bars.filter((bar) => bar.status !== 'signatory');
    expect(bars.map((bar) => [bar.status, bar.instrument, bar.colour])).toEqual([
      ['party', 'cst-1992', STATUS_STYLES.party.colour],
      ['member', null, STATUS_STYLES.member.colour],
    ]);
    expect(STATUS_STYLES.party.colour).not.toBe(STATUS_STYLES.member.colour);
    expect(bars[1]?.x).toBeCloseTo(layout.xOf('2003-09-18'));
    expect(layout.boundary).toEqual({
      x: layout.xOf('2003-09-18'),
      day: '2003-09-18',
      founding: 'Charter of the CSTO',
      predecessor: 'Collective Security Treaty',
      label:
        'Charter of the CSTO in force 2003-09-18: the Organization exists from this day; before it, its members were the parties to the Collective Security Treaty',
      eventIds: ['established', 'charter-adopted', 'charter-eif'],
    });
  });

  it('lists every instrument a participant signed or is bound by, each spell with its facts', () => {
    expect(layout.rows[0]!.instruments).toEqual([
      {
        id: 'cst-1992',
        title: 'Collective Security Treaty',
        spells: [
          { status: 'signatory', from: '1992-05-15', to: '1994-04-20', eventIds: ['sig'] },
          { status: 'party', from: '1994-04-20', to: null, eventIds: ['dep'] },
        ],
      },
      {
        id: 'csto-charter-2002',
        title: 'Charter of the CSTO',
        spells: [{ status: 'party', from: '2003-09-18', to: null, eventIds: ['charter-dep'] }],
      },
    ]);
  });

  it('cross-hatches a spell resting on a disputed date from the earliest to the latest reading', () => {
    expect(layout.rows[1]!.bars[0]?.doubts).toEqual([
      {
        kind: 'disputed',
        x: layout.xOf('1999-04-02'),
        width: layout.xOf('1999-04-22') - layout.xOf('1999-04-02'),
        from: '1999-04-02',
        to: '1999-04-21',
        label:
          'Kazakhstan (KAZ): party rests on a date the sources dispute: 1999-04-21 (followed) or 1999-04-02, withdrew at the Protocol',
      },
    ]);
  });

  it('hatches an entry into force known only to a range over that range', () => {
    const marker = layout.markers.find((m) => m.id === 'pk');
    expect(marker?.range).toEqual({
      x: layout.xOf('2008-10-24'),
      width: layout.xOf('2009-01-15') - layout.xOf('2008-10-24'),
    });
    expect(marker?.label).toBe(
      'Peacekeeping Agreement in force on a day between 2008-10-24 and 2009-01-15 (undetermined within it)',
    );
  });

  it('draws no boundary when the record does not say which treaty the organisation succeeded', () => {
    expect(layoutChart(succession, names, noFacts).boundary).toBeNull();
  });
});

describe('days and the record’s coarse dates', () => {
  it('finds the first day the server’s own rule holds a change certain, never restating it', () => {
    for (const date of ['2013', '2024-02', '2008-10-24/2009-01-15', '2012-12-19']) {
      const span = spanOf(date);
      const day = firstCertainDay(span);
      expect({ date, holds: hasTakenEffect(span, day) }).toEqual({ date, holds: true });
      if (day > span.from) expect(hasTakenEffect(span, dateOf(dayNumber(day) - 1))).toBe(false);
    }
    expect(firstCertainDay(spanOf('2012-12-19'))).toBe('2012-12-19');
  });

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
});

describe('the legend', () => {
  it('explains every status the server answers, once per distinct explanation', () => {
    const legends = legendEntries().map((entry) => entry.legend);
    expect(new Set(legends).size).toBe(legends.length);
    expect([...new Set(Object.values(STATUS_STYLES).map((style) => style.legend))]).toEqual(legends);
  });
});
