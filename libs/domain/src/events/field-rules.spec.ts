import { REFERENCE, SEED, sample } from '../testing/sample-events';
import { problemsOf } from '../testing/problems';

const signed = (changes: Record<string, unknown>) => sample('InstrumentSigned', changes);
const quoting = (quote: string) => signed({ sources: [{ ...SEED, quote }] });
const titled = (title: string) => signed({ sources: [{ ...REFERENCE, title }] });

describe('text fields', () => {
  // [what, raw, path, reason]
  const refused: [string, unknown, string, string][] = [
    ['NUL in a note', signed({ note: 'signed\u0000in Tashkent' }), 'note', 'must not hold the control character U+0000'],
    ['an escape character in a title', titled('CSTO \u001b[31mpress release'), 'sources[0].title', 'must not hold the control character U+001B'],
    ['a carriage return in a quote', quoting('first line\r\nsecond line'), 'sources[0].quote', 'must not hold the control character U+000D'],
    ['DEL in a place', signed({ place: 'Tashkent\u007f' }), 'place', 'must not hold the control character U+007F'],
    ['a C1 control in a place', signed({ place: 'Tash\u0085kent' }), 'place', 'must not hold the control character U+0085'],
    ['a line break in a one-line title', titled('CSTO\npress release'), 'sources[0].title', 'must not hold the control character U+000A: this field is one line'],
    ['a tab in a one-line place', signed({ place: 'Tash\tkent' }), 'place', 'must not hold the control character U+0009: this field is one line'],
    ['a line break in an address', signed({ sources: [{ ...REFERENCE, url: 'https://un.org/\ntreaty' }] }), 'sources[0].url', 'must not hold the control character U+000A: this field is one line'],
    ['a right-to-left override', titled('CSTO \u202Eesaeler sserp'), 'sources[0].title', 'must not hold the bidirectional control U+202E'],
    ['a left-to-right isolate', signed({ note: 'a \u2066note\u2069' }), 'note', 'must not hold the bidirectional control U+2066'],
    ['a lone high surrogate', signed({ note: 'broken \ud800 text' }), 'note', 'must not hold a lone surrogate (text that is not valid Unicode)'],
    ['a lone low surrogate', titled('broken \udc00'), 'sources[0].title', 'must not hold a lone surrogate (text that is not valid Unicode)'],
    ['the noncharacter U+FFFE', signed({ note: 'odd \ufffe' }), 'note', 'must not hold the noncharacter U+FFFE'],
    ['a noncharacter of a supplementary plane', signed({ note: 'odd \u{10ffff}' }), 'note', 'must not hold the noncharacter U+10FFFF'],
    ['the noncharacter U+FDD0', signed({ place: '\ufdd0Tashkent' }), 'place', 'must not hold the noncharacter U+FDD0'],
    ['a title of zero-width spaces only', titled('\u200b\u200b\u200b'), 'sources[0].title', 'must not be empty: it holds only invisible characters'],
    ['a quote of a byte-order mark and spaces', quoting('\ufeff  \u2060'), 'sources[0].quote', 'must not be empty: it holds only invisible characters'],
    ['a place of Hangul fillers', signed({ place: '\u3164\u3164' }), 'place', 'must not be empty: it holds only invisible characters'],
    ['decomposed accents (NFD)', signed({ place: 'Bishke\u0301k' }), 'place', 'must be in Unicode normal form C (NFC): compose its accented letters'],
  ];

  it.each(refused)('refuses %s', (_what, raw, path, reason) => {
    expect(problemsOf(raw)).toContainEqual({ path, reason });
  });

  it.each([
    ['line breaks and tabs in a paragraph', quoting('Article 1.\n\tThe parties shall…')],
    ['Cyrillic, composed', signed({ place: 'Ташкент, Узбекистан' })],
    ['a zero-width joiner inside words', signed({ note: 'कृ‍ष्ण and ordinary text' })],
    ['right-to-left text without overrides', titled('الأمم المتحدة')],
    ['an emoji (a surrogate pair)', signed({ note: 'signed ✍️ 🇺🇿' })],
  ])('accepts %s', (_what, raw) => {
    expect(problemsOf(raw)).toEqual([]);
  });
});
