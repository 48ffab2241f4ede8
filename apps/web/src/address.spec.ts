import { nearestDay, readAddress } from './address';

const RANGE = { first: '1992-01-01', last: '2024-12-31', fallback: '2012-12-20' };
const read = (query: string) => readAddress(new URLSearchParams(query), RANGE);

describe('the address of a view', () => {
  it('takes a valid day and recorded time as they are, without a word', () => {
    expect(read('org=csto&asOf=2012-12-20&knownAt=2026-01-01T00:00:00Z')).toEqual({
      organisation: 'csto',
      day: '2012-12-20',
      knownAt: '2026-01-01T00:00:00Z',
      notices: [],
    });
    expect(read('')).toEqual({ organisation: 'csto', day: '2012-12-20', knownAt: null, notices: [] });
  });

  it('moves a day that does not exist to the nearest one, and says so', () => {
    expect(read('asOf=2023-02-30')).toMatchObject({
      day: '2023-02-28',
      notices: [
        expect.stringMatching(
          /^asOf=2023-02-30 is not a calendar day .*February 2023 has 28 days.*showing 2023-02-28 instead/,
        ),
      ],
    });
    expect(read('asOf=2012-13-05').day).toBe('2012-12-05');
    expect(read('asOf=2012-04-00').day).toBe('2012-04-01');
  });

  it('moves a day outside the chart to its nearest end, and says so', () => {
    expect(read('asOf=1990-01-01')).toMatchObject({
      day: '1992-01-01',
      notices: [
        'asOf=1990-01-01 is before the first day of the chart, 1992-01-01: showing 1992-01-01 instead.',
      ],
    });
    expect(read('asOf=2030-06-01')).toMatchObject({
      day: '2024-12-31',
      notices: [expect.stringContaining('after the last day of the chart')],
    });
  });

  it('shows the usual day for an asOf that is not a day at all, and says so', () => {
    for (const asOf of ['yesterday', '2012-12', '20121220', '']) {
      expect(read(`asOf=${asOf}`)).toMatchObject({
        day: '2012-12-20',
        notices: [`asOf=${asOf} is not a day (write YYYY-MM-DD): showing 2012-12-20 instead.`],
      });
    }
  });

  it('moves a recorded time on a day that does not exist to the nearest day, keeping its time, and says so; the rest is the server’s to judge', () => {
    expect(read('knownAt=2023-02-30T12:00:00Z')).toMatchObject({
      knownAt: '2023-02-28T12:00:00Z',
      notices: [expect.stringContaining('showing the record as at 2023-02-28T12:00:00Z instead')],
    });
    expect(read('knownAt=yesterday')).toMatchObject({ knownAt: 'yesterday', notices: [] });
  });

  it('finds the nearest day the chart shows', () => {
    expect(nearestDay('2024-02-29', RANGE)).toEqual({ day: '2024-02-29', problem: null });
    expect(nearestDay('2023-02-29', RANGE).day).toBe('2023-02-28');
  });
});
