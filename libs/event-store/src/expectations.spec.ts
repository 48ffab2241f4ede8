import fc from 'fast-check';
import { isUuid } from './expectations';

/** The rule as a regular expression: the reference the hand-written check must agree with. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('the event id check', () => {
  it('takes lower-case UUIDs and refuses upper case, braces, wrong lengths and other types', () => {
    expect(isUuid('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(true);
    expect(isUuid('0F8FAD5B-D9CB-469F-A165-70867728950E')).toBe(false);
    expect(isUuid('{0f8fad5b-d9cb-469f-a165-70867728950e}')).toBe(false);
    expect(isUuid('0f8fad5b-d9cb-469f-a165-70867728950')).toBe(false);
    expect(isUuid('0f8fad5bd-9cb-469f-a165-70867728950e')).toBe(false);
    expect(isUuid(42)).toBe(false);
  });

  it('agrees with the regular expression on UUIDs, UUIDs with one character changed, and any text', () => {
    const changed = fc
      .tuple(fc.uuid(), fc.nat(35), fc.constantFrom('-', 'g', 'A', '0', 'f', ' ', 'é'))
      .map(([uuid, at, character]) => uuid.slice(0, at) + character + uuid.slice(at + 1));
    fc.assert(
      fc.property(
        fc.oneof(fc.uuid(), changed, fc.string({ minLength: 30, maxLength: 40 }), fc.string()),
        (text) => {
          expect(isUuid(text)).toBe(UUID.test(text));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
