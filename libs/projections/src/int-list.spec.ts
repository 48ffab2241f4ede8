import fc from 'fast-check';
import { IntList } from './int-list';

/** The list's integers, read through `at`. */
const valuesOf = (list: IntList): number[] => Array.from({ length: list.length }, (_, at) => list.at(at));

describe('a list of integers in a typed array', () => {
  it('holds what was pushed, inserted and removed, in place, past the room it started with', () => {
    const list = new IntList(2);
    for (const value of [10, 20, 30]) list.push(value);
    list.insert(0, 5);
    list.insert(2, 15);
    list.insert(5, 40);
    list.remove(3);

    expect(valuesOf(list)).toEqual([5, 10, 15, 30, 40]);
    expect(list.last()).toBe(40);
  });

  it('says -1 for the last of an empty list, below any value it holds', () => {
    const list = new IntList();

    expect(list.last()).toBe(-1);
    list.push(0);
    list.remove(0);
    expect(list.last()).toBe(-1);
  });

  it('counts the integers at most a value in an ascending list, as a filter would', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50)), fc.integer({ min: -1, max: 51 }), (values, asked) => {
        const list = new IntList(1);
        for (const value of [...values].sort((a, b) => a - b)) list.push(value);

        expect(list.countAtMost(asked)).toBe(values.filter((value) => value <= asked).length);
      }),
    );
  });

  it('keeps the same integers when trimmed, and grows again from there', () => {
    const list = new IntList();
    for (let value = 0; value < 100; value++) list.push(value * 3);
    const trimmed = list.trimmed();
    trimmed.push(1000);

    expect(valuesOf(trimmed)).toEqual([...valuesOf(list), 1000]);
    expect(list.length).toBe(100);
  });
});
