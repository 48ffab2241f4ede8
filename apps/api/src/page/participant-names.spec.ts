import { PARTICIPANT_NAMES } from './participant-names';

describe('participant names', () => {
  const byId = new Map(PARTICIPANT_NAMES.map((entry) => [entry.id, entry]));

  it('names every ISO 3166-1 state by its alpha-3 code, and each identifier once', () => {
    expect(byId.size).toBe(PARTICIPANT_NAMES.length);
    expect(PARTICIPANT_NAMES.filter((entry) => entry.kind === 'state').length).toBeGreaterThanOrEqual(249);
    expect(
      PARTICIPANT_NAMES.filter((entry) => entry.kind === 'state').every((entry) =>
        /^[A-Z]{3}$/.test(entry.id),
      ),
    ).toBe(true);
  });

  it('gives the formal name and the one in common use', () => {
    expect(byId.get('RUS')).toEqual({
      id: 'RUS',
      name: 'Russian Federation',
      shortName: 'Russia',
      kind: 'state',
    });
    expect(byId.get('KGZ')).toMatchObject({ name: 'Kyrgyzstan', shortName: 'Kyrgyzstan' });
  });

  it('names the bodies the chronology identifies by slug', () => {
    for (const slug of [
      'csto',
      'csto-collective-security-council',
      'csto-parliamentary-assembly',
      'union-state-parliamentary-assembly',
      'un-general-assembly',
      'cis',
    ]) {
      expect(byId.get(slug)).toMatchObject({ kind: 'body', name: expect.any(String) });
    }
  });
});
