import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A valid `OrganisationEstablished` fact as a curator would write it, in a chronology file's `facts` list. */
export function establishedFact(id: string, organisation: string): string {
  return [
    `  - id: ${id}`,
    '    type: OrganisationEstablished',
    "    effectiveDate: '2002-10-07'",
    `    organisation: ${organisation}`,
    '    name: A test organisation',
    '    foundingInstrument: test-charter',
    '    decision: a decision of its founders',
    '    sources:',
    '      - seed: 004_b382b7bce98f5533.txt',
    "        quote: 'May 15, 1992: 6 post-Soviet CIS countries'",
    '    confidence: high',
    '',
  ].join('\n');
}

/** Writes a chronology file holding `facts` (each from `establishedFact`), creating its folder. */
export function writeChronology(path: string, ...facts: string[]): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `facts:\n${facts.join('')}`);
}
