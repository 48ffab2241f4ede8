/** One participant's names as the API serves them (GET /participant-names). */
export interface ParticipantName {
  readonly id: string;
  readonly name: string;
  readonly shortName: string;
  readonly kind: 'state' | 'body';
}

/**
 * Names for the record's identifiers, with the identifier always beside them: a reader sees "Armenia", a
 * researcher matching data needs "ARM". An identifier the API has no name for is shown as it is.
 */
export class Names {
  private readonly byId: ReadonlyMap<string, ParticipantName>;

  constructor(names: readonly ParticipantName[]) {
    this.byId = new Map(names.map((entry) => [entry.id, entry]));
  }

  /** The name in common use, for a row label: "Russia". */
  short(id: string): string {
    return this.byId.get(id)?.shortName ?? id;
  }

  /** The full name with the identifier: "Russian Federation (RUS)", for tooltips, tables and the evidence. */
  full(id: string): string {
    const entry = this.byId.get(id);
    return entry === undefined ? id : `${entry.name} (${id})`;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }
}
