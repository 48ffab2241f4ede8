/**
 * The record holds nothing under that name: an unknown organisation, instrument, participant or event id. When the
 * record is empty, or held nothing yet at the `knownAt` asked about, the error says that instead, since the name
 * itself may be right: `LiveRecord.notFound` chooses.
 */
export class NotFound extends Error {
  private constructor(
    message: string,
    readonly code: 'NOT_FOUND' | 'RECORD_EMPTY' | 'NOTHING_RECORDED_YET',
  ) {
    super(message);
    this.name = 'NotFound';
  }

  static subject(what: string, id: string): NotFound {
    return new NotFound(`no ${what} ${id} in the record`, 'NOT_FOUND');
  }

  static emptyRecord(): NotFound {
    return new NotFound(
      'the record is empty: import the chronology first with `annals import` (in a checkout: `npm run -s cli -- import`; `npm start` does it for the API)',
      'RECORD_EMPTY',
    );
  }

  static nothingRecordedAt(knownAt: string, firstRecordedAt: string): NotFound {
    return new NotFound(
      `the record held nothing yet at ${knownAt}: its first fact was recorded at ${firstRecordedAt}`,
      'NOTHING_RECORDED_YET',
    );
  }
}
