/** RFC 4180 ends every record with CRLF, including the last. */
export const CSV_RECORD_END = '\r\n';

export type CsvCell = string | number | boolean | null | undefined;

/**
 * One CSV field per RFC 4180: quoted only when it must be (a comma, a double quote, CR or LF, or leading or
 * trailing spaces that some readers would trim), with inner quotes doubled. Absent values are empty fields.
 */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One complete CSV record, terminator included, so that a stream of records can be written as it comes. */
export function csvRecord(cells: readonly CsvCell[]): string {
  return `${cells.map(csvField).join(',')}${CSV_RECORD_END}`;
}
