import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The library's floors import downwards only: time (spans and days) knows nothing of the record, the record (facts,
 * supersession, subject views) nothing of the queries. The reference fold is the independent naive reading: it
 * shares the time floor and the record's facts and supersession, the wording of rows (a dispute's effect, an
 * undetermined entry into force: words, not readings), and takes nothing else of the index's composition but the
 * answers' types, so that index == reference checks the folds too.
 */
interface Rule {
  /** Modules (or folders) whose values may be imported. */
  readonly values: readonly string[];
  /** Modules (or folders) whose types only may be imported. */
  readonly types: readonly string[];
}

const FLOORS: Record<string, Rule> = {
  time: { values: [], types: [] },
  record: { values: ['time'], types: [] },
  queries: { values: ['time', 'record'], types: [] },
  reference: {
    values: ['time', 'record/fact', 'record/supersession', 'record/disputes', 'queries/rows'],
    types: ['record', 'queries'],
  },
};

const within = (target: string, modules: readonly string[]): boolean =>
  modules.some((ok) => target === ok || target.startsWith(`${ok}/`));

function strays(floor: string, rule: Rule): string[] {
  const dir = join(__dirname, floor);
  const sources = readdirSync(dir).filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'));
  return sources.flatMap((name) =>
    [...readFileSync(join(dir, name), 'utf8').matchAll(/^import (type )?[^;]*? from '\.\.\/([^']+)';/gms)]
      .filter(
        ([, type, target = '']) =>
          !within(target, rule.values) && !(type !== undefined && within(target, rule.types)),
      )
      .map(([, type, target]) => `${floor}/${name} imports ${type ?? ''}from ../${target}`),
  );
}

describe('the floors of @app/projections', () => {
  for (const [floor, rule] of Object.entries(FLOORS)) {
    it(`${floor}: values from ${rule.values.join(', ') || 'the domain only'}${rule.types.length > 0 ? `, types from ${rule.types.join(', ')}` : ''}`, () => {
      expect(readdirSync(join(__dirname, floor)).length).toBeGreaterThan(0);
      expect(strays(floor, rule)).toEqual([]);
    });
  }

  it('catches a stray import (the rule is not vacuous)', () => {
    expect(strays('queries', { values: ['time'], types: [] }).length).toBeGreaterThan(0);
  });
});
