import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { UTF8_BOM, attachment, neutralise, toCsv } from './csv';

const FORMULA = /^[=+\-@\t\r]/;
const read = (csv: string) => parse(csv.slice(UTF8_BOM.length), { relax_quotes: false }) as string[][];

describe('CSV writer', () => {
  it('writes a BOM, CRLF line ends and quotes what needs quoting', () => {
    const csv = toCsv([{ header: 'Nama', value: (r: { n: string }) => r.n }, { header: 'Nota', value: () => 'a, "b"\nc' }], [{ n: 'Siti Nur’aini' }]);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1)).toBe('Nama,Nota\r\nSiti Nur’aini,"a, ""b""\nc"\r\n');
    expect(read(csv)).toEqual([['Nama', 'Nota'], ['Siti Nur’aini', 'a, "b"\nc']]);
  });

  it('neutralises formula injection, and leaves other values alone', () => {
    expect(['=cmd|\' /C calc\'!A0', '+1', '-2', '@SUM(A1)', '\tx', '\rx'].map(neutralise)).toEqual(
      ["'=cmd|' /C calc'!A0", "'+1", "'-2", "'@SUM(A1)", "'\tx", "'\rx"],
    );
    expect([' =1', 'a=b', 12, null, undefined, true].map(neutralise)).toEqual([' =1', 'a=b', '12', '', '', 'true']);
  });

  it('no cell of any output starts like a formula (property)', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.string().map((s) => `=${s}`),
      fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',').chain((c) => fc.string().map((s) => c + s)),
      fc.integer(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 6 }), fc.array(fc.array(cell, { minLength: 6, maxLength: 6 }), { maxLength: 8 }), (headers, rows) => {
        const columns = headers.map((h, i) => ({ header: String(h ?? ''), value: (r: (typeof rows)[number]) => r[i] }));
        const parsed = read(toCsv(columns, rows));
        expect(parsed).toHaveLength(rows.length + 1);
        for (const record of parsed) for (const value of record) expect(FORMULA.test(value)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('names a download in ASCII and in UTF-8', () => {
    expect(attachment('pengguna SK-Rasah 2027.csv')).toBe(`attachment; filename="pengguna_SK-Rasah_2027.csv"; filename*=UTF-8''pengguna%20SK-Rasah%202027.csv`);
  });
});
