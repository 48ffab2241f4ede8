import { AnswerCache, type SerialisedAnswer } from './answer-cache';

const answer = (body: string, headers: Record<string, string> = {}): SerialisedAnswer => ({
  body: Buffer.from(body),
  headers,
});

describe('the answer cache', () => {
  it('gives back an answer kept for the same question at the same version, with its headers', () => {
    const cache = new AnswerCache(1000);
    cache.keep('/organisations/csto/state?asOf=2012-12-20', 7, answer('{"members":[]}', { ETag: 'W/"e-1"' }));
    expect(cache.lookup('/organisations/csto/state?asOf=2012-12-20', 7)).toEqual(
      answer('{"members":[]}', { ETag: 'W/"e-1"' }),
    );
    expect(cache.lookup('/organisations/csto/state?asOf=2012-12-21', 7)).toBeUndefined();
  });

  it('drops every answer once the record has moved to a newer version', () => {
    const cache = new AnswerCache(1000);
    cache.keep('a', 7, answer('1'));
    cache.keep('b', 7, answer('2'));
    expect(cache.lookup('a', 8)).toBeUndefined();
    expect(cache.lookup('b', 7)).toBeUndefined();
    expect(cache.size).toEqual({ answers: 0, bytes: 0 });
  });

  it('does not keep an answer computed at a version older than one already seen', () => {
    const cache = new AnswerCache(1000);
    expect(cache.lookup('a', 8)).toBeUndefined();
    cache.keep('a', 7, answer('stale'));
    expect(cache.lookup('a', 7)).toBeUndefined();
    expect(cache.lookup('a', 8)).toBeUndefined();
    expect(cache.size.answers).toBe(0);
  });

  it('stays within its bound in bytes, forgetting the least recently used answer first', () => {
    // Each entry weighs its body (10 bytes) and its question (1 byte): three fit in 33 bytes, four do not.
    const cache = new AnswerCache(33);
    const body = '0123456789';
    cache.keep('a', 1, answer(body));
    cache.keep('b', 1, answer(body));
    cache.keep('c', 1, answer(body));
    expect(cache.lookup('a', 1)).toBeDefined();
    cache.keep('d', 1, answer(body));
    expect(cache.lookup('b', 1)).toBeUndefined();
    expect(['a', 'c', 'd'].map((question) => cache.lookup(question, 1)?.body.toString())).toEqual([
      body,
      body,
      body,
    ]);
    expect(cache.size).toEqual({ answers: 3, bytes: 33 });
  });

  it('counts the bytes of the body and its headers, and keeps nothing larger than its whole bound', () => {
    const cache = new AnswerCache(10);
    cache.keep('q', 1, answer('Армения')); // 7 letters, 14 bytes in UTF-8
    cache.keep('r', 1, answer('1', { ETag: '"12"' })); // 1 + 1 + 4 + 4 bytes
    expect(cache.lookup('q', 1)).toBeUndefined();
    expect(cache.lookup('r', 1)).toBeDefined();
    expect(cache.size).toEqual({ answers: 1, bytes: 10 });
  });

  it('replaces an answer kept twice for the same question without counting it twice', () => {
    const cache = new AnswerCache(100);
    cache.keep('q', 1, answer('first'));
    cache.keep('q', 1, answer('again'));
    expect(cache.lookup('q', 1)?.body.toString()).toBe('again');
    expect(cache.size).toEqual({ answers: 1, bytes: 6 });
  });
});
