import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from './cli';

/**
 * The seed documents the chronology cites are not part of the repository (events/README.md describes each, so a
 * reader can find it). Checks that need their texts run where they are: the folder named by ANNALS_SEEDS, else the
 * `shared/seeds` folder beside the checkout, as the project's own machines lay it out. Elsewhere they are skipped,
 * and `skipReason` says so in one line.
 */
const candidate = process.env['ANNALS_SEEDS'] ?? join(ROOT, '..', 'shared', 'seeds');
const dir = resolve(candidate);
const present = existsSync(join(dir, '000_0f640cfe2015fa60.txt'));

export const seedTexts = {
  present,
  skipReason: present
    ? undefined
    : `skipped: the quote-in-seed checks need the seed texts, not found at ${dir} (set ANNALS_SEEDS to the folder holding them)`,
  read(seed: string): string {
    return readFileSync(join(dir, seed), 'utf8');
  },
};
