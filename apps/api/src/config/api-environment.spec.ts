import { InvalidConfiguration, readEnvironment } from '@app/history';
import { accessConfigOf, ApiEnvironment } from './api-environment';

const problemsOf = (env: NodeJS.ProcessEnv) => {
  try {
    readEnvironment(ApiEnvironment, env);
  } catch (error) {
    if (error instanceof InvalidConfiguration) return error.problems;
    throw error;
  }
  return [];
};

describe('the API environment', () => {
  it('defaults to the embedded store on 127.0.0.1:3000 with writes refused and reads open', () => {
    const env = readEnvironment(ApiEnvironment, { PATH: '/usr/bin' });
    expect(env).toMatchObject({
      ANNALS_STORE: 'embedded',
      ANNALS_DB: './data/annals.db',
      HOST: '127.0.0.1',
      PORT: '3000',
      ANNALS_EVENTS: 'events',
    });
    const access = accessConfigOf(env);
    expect([access.writers.size, access.readers.size]).toEqual([0, 0]);
  });

  it('names every variable that breaks its rule, and the rule, at once', () => {
    expect(problemsOf({ ANNALS_STORE: 'bogus', HOST: '', PORT: 'eighty' })).toEqual([
      { variable: 'ANNALS_STORE', rule: 'must be "embedded" or "eventstoredb", got "bogus"' },
      {
        variable: 'HOST',
        rule: 'must be the IP address to listen on, e.g. 127.0.0.1 (0.0.0.0 for every interface) or localhost, got ""',
      },
      { variable: 'PORT', rule: 'must be a port number from 0 to 65535, got "eighty"' },
    ]);
  });

  it('refuses an empty HOST, which would bind every interface, but takes an explicit 0.0.0.0, :: or localhost', () => {
    expect(problemsOf({ HOST: '' }).map((p) => p.variable)).toEqual(['HOST']);
    for (const HOST of ['0.0.0.0', '::', 'localhost', '10.1.2.3']) expect(problemsOf({ HOST })).toEqual([]);
  });

  it('refuses a port out of range', () => {
    expect(problemsOf({ PORT: '65536' }).map((p) => p.variable)).toEqual(['PORT']);
    expect(problemsOf({ PORT: '0' })).toEqual([]);
  });

  it('needs an esdb:// connection string with ANNALS_STORE=eventstoredb, and no file path then', () => {
    expect(problemsOf({ ANNALS_STORE: 'eventstoredb' })).toEqual([
      {
        variable: 'EVENTSTORE_CONNECTION_STRING',
        rule: 'required when ANNALS_STORE=eventstoredb: an esdb:// connection string, e.g. esdb://localhost:2113?tls=false',
      },
    ]);
    expect(
      problemsOf({
        ANNALS_STORE: 'eventstoredb',
        ANNALS_DB: '',
        EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false',
      }),
    ).toEqual([]);
  });

  it('refuses an empty store file and an empty chronology folder', () => {
    expect(problemsOf({ ANNALS_DB: ' ', ANNALS_EVENTS: '' }).map((p) => p.variable)).toEqual([
      'ANNALS_DB',
      'ANNALS_EVENTS',
    ]);
  });

  describe('tokens', () => {
    it.each([
      [
        'a token shorter than 16 characters',
        'alice:short-token',
        'entry 1 of 1 (alice): the token must be at least 16 printable ASCII characters with no whitespace or comma',
      ],
      [
        'a token with a space',
        'alice:a token with spaces in it',
        'entry 1 of 1 (alice): the token must be at least 16 printable ASCII characters with no whitespace or comma',
      ],
      [
        'a token with a tab',
        'alice:tabbed\ttoken-0123456789',
        'entry 1 of 1 (alice): the token must be at least 16 printable ASCII characters with no whitespace or comma',
      ],
      [
        'an entry without a name',
        ':0123456789abcdef',
        'entry 1 of 1 must be name:token, the name of letters, digits and . _ @ - (at most 64)',
      ],
      [
        'an entry without a colon',
        'alice',
        'entry 1 of 1 must be name:token, the name of letters, digits and . _ @ - (at most 64)',
      ],
      [
        'the same token twice',
        'alice:0123456789abcdef,bob:0123456789abcdef',
        'entry 2 of 2 (bob): the same token is given twice',
      ],
    ])('refuses %s, without quoting the token', (_what, value, rule) => {
      const problems = problemsOf({ ANNALS_WRITER_TOKENS: value });
      expect(problems).toEqual([{ variable: 'ANNALS_WRITER_TOKENS', rule }]);
      expect(rule).not.toContain('0123456789abcdef');
    });

    it('finds whose token it is, and nobody for a near miss', () => {
      const env = readEnvironment(ApiEnvironment, {
        ANNALS_WRITER_TOKENS: 'alice:alice-secret-token, carol:carol-secret-token',
        ANNALS_READER_TOKENS: 'bob:bob-reader-token',
      });
      const { writers, readers } = accessConfigOf(env);
      expect(writers.nameOf('carol-secret-token')).toBe('carol');
      expect(writers.nameOf('alice-secret-token')).toBe('alice');
      expect(writers.nameOf('alice-secret-toke')).toBeUndefined();
      expect(writers.nameOf('bob-reader-token')).toBeUndefined();
      expect(readers.nameOf('bob-reader-token')).toBe('bob');
    });
  });
});
