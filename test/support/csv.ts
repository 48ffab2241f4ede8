/**
 * A strict RFC 4180 reader for the tests: CRLF record ends, quoted fields with doubled quotes, and an error on
 * anything else (a bare quote inside an unquoted field, an unterminated quote, a missing final CRLF).
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let index = 0;
  while (index < text.length) {
    let field = '';
    if (text[index] === '"') {
      index += 1;
      for (;;) {
        if (index >= text.length) throw new Error('unterminated quoted field');
        if (text[index] === '"') {
          if (text[index + 1] === '"') {
            field += '"';
            index += 2;
            continue;
          }
          index += 1;
          break;
        }
        field += text[index];
        index += 1;
      }
    } else {
      while (index < text.length && text[index] !== ',' && text[index] !== '\r') {
        if (text[index] === '"' || text[index] === '\n')
          throw new Error(`unquoted ${JSON.stringify(text[index])} at ${index}`);
        field += text[index];
        index += 1;
      }
    }
    record.push(field);
    if (text[index] === ',') index += 1;
    else if (text.startsWith('\r\n', index)) {
      records.push(record);
      record = [];
      index += 2;
    } else throw new Error(`expected a comma or CRLF at ${index}`);
  }
  if (record.length > 0) throw new Error('the last record does not end with CRLF');
  return records;
}
