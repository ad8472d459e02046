// rehab's CSV/JSON/JSONL writer, checked against a real CSV parser (csv-parse) and JSON.parse.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExportSetRow } from '../../src/db/export-repository.js';
import { CSV_RECORD_END, csvCell, csvTextCell, neutraliseFormula, restoreFormulaText } from '../../src/io/csv.js';
import { EXPORT_COLUMNS } from '../../src/io/export-columns.js';
import { BOM, csvRecordWriter, exportRecord, writeExport, type ExportFormat } from '../../src/io/export-writer.js';

const UID = '3f2b8c1e-6d1a-4c57-9a7e-0b5d2f4e8a11';

function row(overrides: Partial<Record<'note' | 'exercise' | 'source' | 'uid', string | null>> & { load?: number; unit?: 'kg' | 'lb'; kind?: 'external' | 'bodyweight' } = {}): ExportSetRow {
  return [
    overrides.uid ?? UID,
    '2026-11-24',
    overrides.exercise ?? 'Goblet squat',
    1,
    1,
    10,
    null,
    overrides.load ?? 25,
    overrides.unit ?? 'kg',
    overrides.kind ?? 'external',
    7.5,
    null,
    overrides.note === undefined ? null : overrides.note,
    overrides.source ?? 'typed',
  ];
}

/** Everything the writer wrote, as one string. */
async function written(rows: ExportSetRow[], format: ExportFormat, options: { bom?: boolean } = {}): Promise<string> {
  const chunks: string[] = [];
  await writeExport([rows], format, async (chunk) => void chunks.push(chunk), options);
  return chunks.join('');
}

describe('neutraliseFormula (OWASP CSV injection: cells a spreadsheet would run as a formula)', () => {
  it.each([
    ['= starts a formula', '=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+ starts a formula', '+1', "'+1"],
    ['- starts a formula', '-2+3+cmd', "'-2+3+cmd"],
    ['@ starts a formula (Excel functions)', '@SUM(1)', "'@SUM(1)"],
    ['a leading tab', '\t=1', "'\t=1"],
    ['a leading carriage return', '\r=1', "'\r=1"],
    ['quotes before a formula character get one more, so the rule can be undone', "'=1", "''=1"],
    ['a quote before plain text is left alone', "'tis fine", "'tis fine"],
    ['plain text is left alone', 'left hip, tight', 'left hip, tight'],
    ['a formula character later in the text is harmless', 'a=b', 'a=b'],
    ['empty text', '', ''],
  ])('%s', (_rule, text, expected) => {
    expect(neutraliseFormula(text)).toBe(expected);
    expect(restoreFormulaText(neutraliseFormula(text))).toBe(text);
  });

  it('is undone exactly by restoreFormulaText, for any text', () => {
    const formulaish = fc.stringMatching(/^'{0,3}[=+\-@\t\r'a]?.{0,8}$/s);
    fc.assert(
      fc.property(fc.oneof(formulaish, fc.string()), (text) => {
        expect(restoreFormulaText(neutraliseFormula(text))).toBe(text);
      }),
    );
  });
});

describe('csvCell (RFC 4180)', () => {
  it.each([
    ['plain text as is', 'Goblet squat', 'Goblet squat'],
    ['a comma is quoted', 'a,b', '"a,b"'],
    ['quotes are doubled inside quotes', 'say "hi"', '"say ""hi"""'],
    ['a line feed is quoted and kept', 'one\ntwo', '"one\ntwo"'],
    ['a CRLF is quoted and kept', 'one\r\ntwo', '"one\r\ntwo"'],
    ['a lone carriage return is quoted (Excel ends a row there)', 'one\rtwo', '"one\rtwo"'],
    ['leading space is quoted (some spreadsheets trim it)', ' x', '" x"'],
    ['null is an empty cell', null, ''],
    ['a number as a number', 22.5, '22.5'],
    ['a negative number stays a number, not neutralised', -20, '-20'],
  ])('%s', (_rule, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('csvTextCell', () => {
  it('is csvCell of the neutralised text, for any text (its quick check for plain text changes nothing)', () => {
    const edge = fc.constantFrom(...'\'=+-@\t\r\n", \u00a0\u2028\ufeffaZ~!é'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.array(edge, { maxLength: 6 }).map((parts) => parts.join(''))), (text) => {
        expect(csvTextCell(text)).toBe(csvCell(neutraliseFormula(text)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('exportRecord', () => {
  it('keeps the load as logged and adds load_kg to 3 decimals (55 lb stays 55 lb)', () => {
    const record = exportRecord(row({ load: 55, unit: 'lb' }));
    expect(record).toMatchObject({ load: 55, unit: 'lb', load_type: 'external', load_kg: 24.948 });
  });

  it('gives an assisted bodyweight load a negative number, in kg too', () => {
    expect(exportRecord(row({ load: -20, kind: 'bodyweight' }))).toMatchObject({ load: -20, load_type: 'bodyweight', load_kg: -20 });
  });

  it('has exactly the keys of EXPORT_COLUMNS, in order', () => {
    expect(Object.keys(exportRecord(row()))).toEqual([...EXPORT_COLUMNS]);
  });

  it('writes an empty note as no note (null), as CSV must', () => {
    expect(exportRecord(row({ note: '' })).note).toBeNull();
  });
});

describe('writeExport', () => {
  it('CSV: the header row of EXPORT_COLUMNS, then one CRLF-terminated record per set', async () => {
    const text = await written([row({ note: '=1+1' }), row({ load: -20, kind: 'bodyweight' })], 'csv');
    expect(text).toBe(
      `${EXPORT_COLUMNS.join(',')}\r\n` +
        `${UID},2026-11-24,Goblet squat,1,1,10,,25,kg,external,25,7.5,,'=1+1,typed\r\n` +
        `${UID},2026-11-24,Goblet squat,1,1,10,,-20,kg,bodyweight,-20,7.5,,,typed\r\n`,
    );
  });

  it('CSV: --bom puts the UTF-8 byte order mark first, once', async () => {
    const text = await written([row()], 'csv', { bom: true });
    expect(text.startsWith(`${BOM}id,date,`)).toBe(true);
    expect(text.indexOf(BOM, 1)).toBe(-1);
  });

  it('CSV: an empty export is the header row alone', async () => {
    expect(await written([], 'csv')).toBe(`${EXPORT_COLUMNS.join(',')}\r\n`);
  });

  it('JSON: one array, one object a line; empty is []', async () => {
    const text = await written([row(), row()], 'json');
    expect(text.split('\n')).toHaveLength(5);
    expect(JSON.parse(text)).toEqual([exportRecord(row()), exportRecord(row())]);
    expect(await written([], 'json')).toBe('[]\n');
  });

  it('JSONL: one object a line; empty is nothing', async () => {
    const text = await written([row({ note: 'a\nb' }), row()], 'jsonl');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.trimEnd().split('\n').map((line) => JSON.parse(line))).toEqual([exportRecord(row({ note: 'a\nb' })), exportRecord(row())]);
    expect(await written([], 'jsonl')).toBe('');
  });

  it('hands output over in chunks and waits for each, so a slow reader holds it back', async () => {
    const rows = Array.from({ length: 3000 }, () => row({ note: 'x'.repeat(100) }));
    const chunks: number[] = [];
    let pending = false;
    await writeExport([rows], 'csv', async (chunk) => {
      expect(pending).toBe(false);
      pending = true;
      chunks.push(chunk.length);
      await new Promise((resolve) => setTimeout(resolve, 1));
      pending = false;
    });
    expect(chunks.length).toBeGreaterThan(2);
    expect(Math.max(...chunks)).toBeLessThan(80 * 1024);
  });
});

/** Text that breaks naive CSV writers and parsers, mixed into arbitrary unicode. */
const nastyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc
    .array(
      fc.constantFrom(',', '"', '""', '\n', '\r\n', '\r', "'", '=', '+', '-', '@', '\t', ' ', 'é', '✓', '😀', '漢', 'a', '1', ';', '\u2028', 'SUM(A1)', '=HYPERLINK("http://x")'),
      { maxLength: 12 },
    )
    .map((parts) => parts.join('')),
);

describe('the CSV writer against csv-parse', () => {
  it('every cell comes back exactly, in its column, after undoing the formula guard', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            exercise: nastyText.filter((text) => text.trim() !== ''),
            note: fc.option(nastyText.filter((text) => text !== ''), { nil: null }),
            source: nastyText.filter((text) => text !== ''),
            uid: nastyText.filter((text) => text !== ''),
            load: fc.integer({ min: -200000, max: 2000000 }).map((n) => n / 1000),
          }),
          { maxLength: 8 },
        ),
        fc.boolean(),
        async (cells, bom) => {
          const rows = cells.map((c) => row({ ...c, kind: c.load < 0 ? 'bodyweight' : 'external' }));
          const text = await written(rows, 'csv', { bom });
          const records = parse(text, { bom: true, relax_column_count: false }) as string[][];
          expect(records[0]).toEqual([...EXPORT_COLUMNS]);
          expect(records).toHaveLength(rows.length + 1);
          records.slice(1).forEach((fields, index) => {
            const expected = exportRecord(rows[index]!);
            expect(fields).toHaveLength(EXPORT_COLUMNS.length);
            EXPORT_COLUMNS.forEach((column, at) => {
              const value = expected[column];
              const field = fields[at]!;
              if (value === null) expect(field).toBe('');
              else if (typeof value === 'number') expect(Number(field)).toBe(value);
              else expect(restoreFormulaText(field)).toBe(value);
            });
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('no text cell starts with a formula character once written', async () => {
    await fc.assert(
      fc.asyncProperty(nastyText, async (note) => {
        const text = await written([row({ note, exercise: note.trim() || 'x', source: note || 'x', uid: note || 'x' })], 'csv');
        const [, fields] = parse(text) as string[][];
        for (const column of ['id', 'exercise', 'note', 'source'] as const) {
          expect(fields![EXPORT_COLUMNS.indexOf(column)]).not.toMatch(/^[=+\-@\t\r]/);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('csvRecordWriter', () => {
  it('writes the cells of exportRecord in EXPORT_COLUMNS order, for any rows one after another', () => {
    // Some texts and loads again and again, as dates, exercises and loads repeat from row to row.
    const text = fc.oneof(fc.constantFrom('2026-11-24', '=x', 'a,b', ' '), nastyText, fc.string({ unit: 'binary', maxLength: 8 }));
    const number = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ noNaN: true }));
    const count = fc.option(fc.nat(), { nil: null });
    const load = fc.oneof(fc.constantFrom(20, 0, -0, 55), number);
    const row = fc.tuple(text, text, text, fc.nat(), fc.nat(), count, count, load, fc.constantFrom('kg' as const, 'lb' as const), fc.constantFrom('external' as const, 'bodyweight' as const), fc.option(number, { nil: null }), count, fc.option(text, { nil: null }), text);
    fc.assert(
      fc.property(fc.array(row, { maxLength: 10 }), (rows) => {
        const csvRecord = csvRecordWriter();
        for (const row of rows) {
          const record = exportRecord(row);
          const cells = EXPORT_COLUMNS.map((column) => (typeof record[column] === 'string' ? csvTextCell(record[column]) : csvCell(record[column])));
          expect(csvRecord(row)).toBe(cells.join(',') + CSV_RECORD_END);
        }
      }),
      { numRuns: 300 },
    );
  });
});
