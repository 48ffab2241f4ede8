import { chainHash, GENESIS } from './chain';

describe('the hash chain of the embedded store', () => {
  // Files written by earlier builds must still verify: the hash of a known event is pinned to the digest the
  // first chained build computed (createHash over the same JSON array), whatever way this build computes it.
  it('hashes an event exactly as the stores already written expect', () => {
    const hash = chainHash(GENESIS, {
      position: 1,
      streamId: 'organisation-csto',
      revision: 0,
      type: 'OrganisationEstablished',
      data: '{"organisation":"csto","name":"Коллективная \\"безопасность\\""}',
      metadata: '{"recordedBy":"import","schemaVersion":1}',
      recordedAt: '2026-01-02T03:04:05.006Z',
    });

    expect(hash).toBe('95103f41455047098eb640c8f289daa7afd4f820d6b1b46b5b162f01f4ed5526');
  });

  it('links an event to the hash before it: the same event after another hash hashes differently', () => {
    const event = { position: 2, streamId: 's-a', revision: 1, type: 'A', data: '{}', metadata: '{}', recordedAt: '2026-01-02T03:04:05.006Z' };

    expect(chainHash(GENESIS, event)).not.toBe(chainHash('f'.repeat(64), event));
  });
});
