import { chainHash, type ChainedFields, GENESIS, streamChainHash } from './chain';

describe('the hash chain of the embedded store', () => {
  const event: ChainedFields = {
    position: 1,
    streamId: 'organisation-csto',
    revision: 0,
    type: 'OrganisationEstablished',
    data: '{"organisation":"csto","name":"Коллективная \\"безопасность\\""}',
    metadata: '{"recordedBy":"import","schemaVersion":1}',
    recordedAt: '2026-01-02T03:04:05.006Z',
  };

  // Files written by earlier builds must still verify: the hash of a known event is pinned to the digest the
  // first chained build computed (createHash over the same JSON array), whatever way this build computes it.
  it('hashes an event in encoding 1 exactly as the stores already written expect', () => {
    expect(chainHash(GENESIS, event, 1)).toBe('95103f41455047098eb640c8f289daa7afd4f820d6b1b46b5b162f01f4ed5526');
  });

  // Pinned to a digest computed apart from this code (Python's hashlib over the text the README describes), so
  // that the files this build writes verify under every later one.
  it('hashes an event in encoding 2 as its documented text: a tag, then each field length-prefixed in UTF-8 bytes', () => {
    expect(chainHash(GENESIS, event, 2)).toBe('cb657f04c2b22a8ecc90e09df065e70836ecc13fec314dccb2f36ec5aba7773d');
  });

  it.each([1, 2] as const)('links an event to the hash before it in encoding %i: the same event after another hash hashes differently', (encoding) => {
    expect(chainHash(GENESIS, event, encoding)).not.toBe(chainHash('f'.repeat(64), event, encoding));
  });

  it('keeps fields apart in encoding 2 whatever they hold: text moved from one field into the next changes the hash', () => {
    const moved = { ...event, type: `${event.type}{`, data: event.data.slice(1) };

    expect(chainHash(GENESIS, moved, 2)).not.toBe(chainHash(GENESIS, event, 2));
  });

  it('never gives the same hash to one event in both encodings', () => {
    expect(chainHash(GENESIS, event, 2)).not.toBe(chainHash(GENESIS, event, 1));
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
    expect(streamChainHash(GENESIS, event, 1)).toBe('63aefdd84597593a581b444528ba980f701debb1028ebf0eabd40ba289e158c4');
  });

  it('hashes an event in encoding 2 as its documented text', () => {
    expect(streamChainHash(GENESIS, event, 2)).toBe('2cb1a9bc3019fc166e1480ba45a74798f0ac1c0439618066bf661d7a7fc89edd');
  });
});
