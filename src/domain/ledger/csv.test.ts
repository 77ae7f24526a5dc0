import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument } from './csv.js';

/** A small RFC 4180 reader: records of cells, quoted cells may hold commas, quotes and line breaks. */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || record.length > 0) records.push([...record, cell]);
  return records;
}

const formulaLike = (text: string) => /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text);

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=1+1', "'=1+1"],
    ['+cmd', "'+cmd"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['-1.5', '-1.5'],
    [null, ''],
    [undefined, ''],
    [12, '12'],
    [true, 'true'],
  ])('%j → %s', (value, cell) => expect(csvCell(value)).toBe(cell));
});

describe('csvDocument', () => {
  it('writes a header and rows with CRLF line ends', () => {
    expect(csvDocument(['a', 'b'], [[1, 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
    expect(csvDocument(['a'], [])).toBe('a\r\n');
  });

  it('round-trips any cell through a CSV reader; a formula-like cell reads back guarded', () => {
    const cell = fc.oneof(
      fc.string(),
      fc
        .constantFrom('=', '+', '-', '@', '\t', '\r', '"', ',', '\n', "'")
        .chain((head) => fc.string().map((tail) => head + tail)),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 5 }), (rows) => {
        const width = Math.max(1, ...rows.map((r) => r.length));
        const header = Array.from({ length: width }, (_, i) => `c${i}`);
        const padded = rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
        const back = readCsv(csvDocument(header, padded));
        expect(back[0]).toEqual(header);
        expect(back).toHaveLength(padded.length + 1);
        padded.forEach((row, r) =>
          row.forEach((text, c) => {
            const read = back[r + 1]![c]!;
            if (formulaLike(text)) {
              expect(read.startsWith("'")).toBe(true);
              expect(read.slice(1)).toBe(text);
            } else {
              expect(read).toBe(text);
            }
            // What a spreadsheet reads is never a formula.
            expect(formulaLike(read)).toBe(false);
          }),
        );
      }),
    );
  });
});
