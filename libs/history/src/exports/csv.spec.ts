import { csvField, csvRecord } from './csv';

describe('CSV quoting (RFC 4180)', () => {
  it('leaves plain fields as they are', () => {
    expect(csvField('ARM')).toBe('ARM');
    expect(csvField(1994)).toBe('1994');
  });

  it('writes absent values as empty fields', () => {
    expect(csvRecord(['a', null, undefined, 'b'])).toBe('a,,,b\r\n');
  });

  it('quotes a field holding a comma, a line break or a carriage return', () => {
    expect(csvField('Tashkent, 1992')).toBe('"Tashkent, 1992"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });

  it('doubles the double quotes inside a quoted field', () => {
    expect(csvField('the "Tashkent" treaty')).toBe('"the ""Tashkent"" treaty"');
  });

  it('quotes leading and trailing spaces so that no reader trims them', () => {
    expect(csvField(' padded ')).toBe('" padded "');
  });

  it('ends every record with CRLF', () => {
    expect(csvRecord(['x', 'y'])).toBe('x,y\r\n');
  });
});
