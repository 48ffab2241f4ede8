/** The record holds nothing under that name: an unknown organisation, instrument, participant or event id. */
export class NotFound extends Error {
  readonly code = 'NOT_FOUND';

  constructor(
    readonly what: string,
    readonly id: string,
  ) {
    super(`no ${what} ${id} in the record`);
    this.name = 'NotFound';
  }
}
