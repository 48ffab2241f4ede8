import fc from 'fast-check';
import { documentedAppendDigest } from '../testing/documented-digest';
import { AppendDigest, chainHash, type ChainedFields, GENESIS, streamChainHash } from './chain';

/** One stored event, its data with characters that JSON escapes and text beyond ASCII. */
const ESTABLISHED: ChainedFields = {
  position: 1,
  streamId: 'organisation-csto',
  revision: 0,
  type: 'OrganisationEstablished',
  data: '{"organisation":"csto","name":"Коллективная \\"безопасность\\""}',
  metadata: '{"recordedBy":"import","schemaVersion":1}',
  recordedAt: '2026-01-02T03:04:05.006Z',
};

describe('the hash chain of the embedded store', () => {
  const event = ESTABLISHED;

  // Files written by earlier builds must still verify: the hash of a known event is pinned to the digest the
  // first chained build computed (createHash over the same JSON array), whatever way this build computes it.
  it('hashes an event in encoding 1 exactly as the stores already written expect', () => {
    expect(chainHash(GENESIS, event, 1)).toBe(
      '95103f41455047098eb640c8f289daa7afd4f820d6b1b46b5b162f01f4ed5526',
    );
  });

  // Pinned to a digest computed apart from this code (Python's hashlib over the text the README describes), so
  // that the files this build writes verify under every later one.
  it('hashes an event in encoding 2 as its documented text: a tag, then each field length-prefixed in UTF-8 bytes', () => {
    expect(chainHash(GENESIS, event, 2)).toBe(
      'cb657f04c2b22a8ecc90e09df065e70836ecc13fec314dccb2f36ec5aba7773d',
    );
  });

  it.each([1, 2] as const)(
    'links an event to the hash before it in encoding %i: the same event after another hash hashes differently',
    (encoding) => {
      expect(chainHash(GENESIS, event, encoding)).not.toBe(chainHash('f'.repeat(64), event, encoding));
    },
  );

  it('keeps fields apart in encoding 2 whatever they hold: text moved from one field into the next changes the hash', () => {
    const moved = { ...event, type: `${event.type}{`, data: event.data.slice(1) };

    expect(chainHash(GENESIS, moved, 2)).not.toBe(chainHash(GENESIS, event, 2));
  });

  it('never gives the same hash to one event in both encodings', () => {
    expect(chainHash(GENESIS, event, 2)).not.toBe(chainHash(GENESIS, event, 1));
  });
});

describe('the digest of an append (encoding 3)', () => {
  const first = ESTABLISHED;
  const second: ChainedFields = {
    ...first,
    position: 2,
    revision: 1,
    type: 'MemberAdmitted',
    data: '{"organisation":"csto","participant":"ARM"}',
  };
  const digestOf = (previous: string, events: readonly ChainedFields[]): string => {
    const digest = new AppendDigest().start(previous);
    for (const e of events)
      digest.add(e.position, e.streamId, e.revision, e.type, e.data, e.metadata, e.recordedAt);
    return digest.finish();
  };

  // Pinned to digests computed apart from this code (Python's hashlib and struct over the bytes the README describes).
  it("hashes an append as its documented bytes: a tag, the digest before it, then each event's numbers and length-prefixed fields", () => {
    expect(digestOf(GENESIS, [first])).toBe(
      'b002f04e2bc527de7dbee1f83657bda2b71d42f4fd37261a9453d9ece9eb8791',
    );
    expect(digestOf(GENESIS, [first, second])).toBe(
      '20c7d95332816d44ded47d07dc5df7827ed4eb8dccc4d706a3938b95dd4a4a95',
    );
  });

  it('gives an append too large for its buffer, and an event larger than the buffer, the digest of their documented bytes', () => {
    const many = Array.from({ length: 500 }, (_, n) => ({
      ...second,
      position: n + 1,
      revision: n,
      data: `{"n":${n},"name":"${'ж'.repeat(n)}"}`,
    }));
    const huge = [
      first,
      { ...second, data: `{"quote":"${'€'.repeat(200_000)}"}` },
      { ...second, position: 3, revision: 2 },
    ];

    expect(digestOf(GENESIS, many)).toBe(documentedAppendDigest(GENESIS, many));
    expect(digestOf(GENESIS, huge)).toBe(documentedAppendDigest(GENESIS, huge));
  });

  // One instance serves every append of a store, and keeps encoded what repeats (stream, recorded time, types): what
  // it kept from earlier appends, or from more types than it keeps, must never change the bytes it hashes.
  it('gives any run of appends, through one instance, the digests of their documented bytes', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    const event = fc.record({
      position: fc.maxSafeNat(),
      streamId: fc.oneof(fc.constantFrom('organisation-csto', 'instrument-ä', 'half \uD800 surrogate'), text),
      revision: fc.maxSafeNat(),
      type: fc.oneof(
        fc.constantFrom('MemberAdmitted', 'Отозвано'),
        fc.nat({ max: 400 }).map((n) => `Type${n}`),
        text,
      ),
      data: text,
      metadata: fc.oneof(fc.constant('{"recordedBy":"import"}'), text),
      recordedAt: fc.constantFrom('2026-01-02T03:04:05.006Z', '2026-01-02T03:04:05.007Z'),
    });
    const digest = new AppendDigest();
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom(GENESIS, 'f'.repeat(64)),
            fc.array(event, { minLength: 1, maxLength: 40 }),
          ),
          { maxLength: 20 },
        ),
        (appends) => {
          for (const [previous, events] of appends) {
            digest.start(previous);
            for (const e of events)
              digest.add(e.position, e.streamId, e.revision, e.type, e.data, e.metadata, e.recordedAt);
            expect(digest.finish()).toBe(documentedAppendDigest(previous, events));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('starts afresh for each append, whatever the one before left in its buffer', () => {
    const digest = new AppendDigest();
    digest.start(GENESIS);
    digest.add(
      first.position,
      first.streamId,
      first.revision,
      first.type,
      first.data,
      first.metadata,
      first.recordedAt,
    );
    const once = digest.finish();
    digest.start(GENESIS);
    digest.add(
      first.position,
      first.streamId,
      first.revision,
      first.type,
      first.data,
      first.metadata,
      first.recordedAt,
    );

    expect(digest.finish()).toBe(once);
  });

  it('never gives one event alone the hash it has in encoding 2', () => {
    expect(digestOf(GENESIS, [first])).not.toBe(chainHash(GENESIS, first, 2));
  });

  it('tells apart one append of two events from two appends of one', () => {
    expect(digestOf(digestOf(GENESIS, [first]), [second])).not.toBe(digestOf(GENESIS, [first, second]));
  });

  it.each([
    ['a stream', { streamId: 'organisation-other' }],
    ['a recorded time', { recordedAt: '2026-01-02T03:04:05.007Z' }],
    ['a position', { position: 3 }],
    ['a revision', { revision: 2 }],
    ['metadata', { metadata: '{"recordedBy":"mallory","schemaVersion":1}' }],
  ])(
    'changes when one event of the append carries another %s, although an append writes one of each',
    (_field, change) => {
      expect(digestOf(GENESIS, [first, { ...second, ...change }])).not.toBe(
        digestOf(GENESIS, [first, second]),
      );
    },
  );

  it('keeps fields apart whatever they hold: text moved from data into metadata changes the digest', () => {
    const moved = { ...second, data: second.data.slice(0, -1), metadata: `}${second.metadata}` };

    expect(digestOf(GENESIS, [first, moved])).not.toBe(digestOf(GENESIS, [first, second]));
  });
});

describe('the hash chain within a stream (EventStoreDB)', () => {
  const event = {
    streamId: 'organisation-csto',
    revision: 0,
    type: 'OrganisationEstablished',
    data: '{"organisation":"csto","name":"Коллективная \\"безопасность\\""}',
    metadata: '{"recordedBy":"import","schemaVersion":1}',
  };

  it('hashes an event in encoding 1 as the first build that chained streams did', () => {
    expect(streamChainHash(GENESIS, event, 1)).toBe(
      '63aefdd84597593a581b444528ba980f701debb1028ebf0eabd40ba289e158c4',
    );
  });

  it('hashes an event in encoding 2 as its documented text', () => {
    expect(streamChainHash(GENESIS, event, 2)).toBe(
      '2cb1a9bc3019fc166e1480ba45a74798f0ac1c0439618066bf661d7a7fc89edd',
    );
  });
});
