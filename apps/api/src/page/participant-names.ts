// The library's Node entry registers every locale it ships, English among them.
import { getAlpha3Codes, getName } from 'i18n-iso-countries';

/** How a participant is named for readers: the record identifies states by ISO 3166-1 alpha-3 code and bodies by slug. */
export interface ParticipantName {
  readonly id: string;
  /** The full name, for tooltips and the evidence: "Russian Federation". */
  readonly name: string;
  /** The name in common use, short enough for a chart's row label: "Russia". */
  readonly shortName: string;
  readonly kind: 'state' | 'body';
}

/**
 * The bodies the chronology names by slug (events/README.md, "Identifiers"). The record carries no names for
 * participants, so these are reference data beside it, like the ISO 3166-1 names of states.
 */
const BODIES: readonly ParticipantName[] = [
  { id: 'csto', name: 'Collective Security Treaty Organization', shortName: 'CSTO', kind: 'body' },
  {
    id: 'csto-collective-security-council',
    name: 'Collective Security Council of the Collective Security Treaty Organization',
    shortName: 'CSTO Collective Security Council',
    kind: 'body',
  },
  {
    id: 'csto-parliamentary-assembly',
    name: 'Parliamentary Assembly of the Collective Security Treaty Organization',
    shortName: 'CSTO Parliamentary Assembly',
    kind: 'body',
  },
  {
    id: 'union-state-parliamentary-assembly',
    name: 'Parliamentary Assembly of the Union State of Belarus and Russia',
    shortName: 'Union State Parliamentary Assembly',
    kind: 'body',
  },
  {
    id: 'un-general-assembly',
    name: 'General Assembly of the United Nations',
    shortName: 'UN General Assembly',
    kind: 'body',
  },
  { id: 'cis', name: 'Commonwealth of Independent States', shortName: 'CIS', kind: 'body' },
];

function stateName(alpha3: string): ParticipantName {
  // ISO's short names are formal ("Russian Federation"); the library's alias, where it has one, is the common name.
  const name = getName(alpha3, 'en', { select: 'official' }) ?? alpha3;
  return { id: alpha3, name, shortName: getName(alpha3, 'en', { select: 'alias' }) ?? name, kind: 'state' };
}

/** Every state of ISO 3166-1 and every body the chronology names, by identifier. */
export const PARTICIPANT_NAMES: readonly ParticipantName[] = [
  ...Object.keys(getAlpha3Codes()).map(stateName),
  ...BODIES,
];
