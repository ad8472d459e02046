// The fast path of the CSV reader must read every file exactly as csv-parse alone did (fields,
// the line each record starts on, records csv-parse could not read and where they are reported),
// whether it splits the whole file itself or hands over to csv-parse part way.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvRecords, readCsvRecordsWithCsvParse, type CsvRecordSink } from '../../../src/io/importers/csv-records.js';

type Item = { fields: string[]; line: number } | { problem: { line: number; reason: string } };

async function* chunksOf(text: string, size: number): AsyncGenerator<string> {
  for (let start = 0; start < text.length; start += size) yield text.slice(start, start + size);
}

async function collect(read: (text: AsyncIterable<string>, delimiter: string, sink: CsvRecordSink) => Promise<void>, text: string, delimiter: string, chunk: number): Promise<Item[]> {
  const items: Item[] = [];
  await read(chunksOf(text, chunk), delimiter, {
    record: (fields, line) => items.push({ fields, line }),
    problem: (problem) => items.push({ problem }),
  });
  return items;
}

/** A field as the apps write them: plain, or quoted with anything inside. */
const cleanField = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom('a', 'b', '1', '.', ' ', 'é', '"'), maxLength: 6 }).filter((text) => !text.startsWith('"')) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', ',', ';', '\t', '"', '\n', '\r\n', '\r', ' '), maxLength: 6 }).map((text) => `"${text.replaceAll('"', '""')}"`) },
);

/** A field as people break them. */
const anyField = fc.oneof(cleanField, fc.string({ unit: fc.constantFrom('a', ',', ';', '"', '\n', '\r', '\r\n', ' ', '\uFEFF', '\t'), maxLength: 6 }));

/** A file: one line ending throughout (and blank lines), or any mix; with a byte order mark or not. */
const csvText = fc.oneof(
  fc.record({
    rows: fc.array(fc.array(cleanField, { minLength: 1, maxLength: 5 }), { maxLength: 8 }),
    delimiter: fc.constantFrom(',', ';', '\t'),
    ending: fc.constantFrom('\n', '\r\n'),
    blank: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    finalEnding: fc.boolean(),
  }).map(({ rows, delimiter, ending, blank, finalEnding }) => {
    const lines = rows.map((fields, index) => `${fields.join(delimiter)}${blank[index] ? ending : ''}`);
    return { text: `${lines.join(ending)}${finalEnding ? ending : ''}`, delimiter };
  }),
  fc.record({
    rows: fc.array(fc.array(anyField, { minLength: 1, maxLength: 5 }), { maxLength: 8 }),
    delimiter: fc.constantFrom(',', ';', '\t'),
    endings: fc.array(fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\n\r\n', ''), { minLength: 8, maxLength: 8 }),
    bom: fc.boolean(),
  }).map(({ rows, delimiter, endings, bom }) => {
    const text = rows.map((fields, index) => `${fields.join(delimiter)}${endings[index] ?? ''}`).join('');
    return { text: bom ? `\uFEFF${text}` : text, delimiter };
  }),
);

describe('readCsvRecords reads as csv-parse does', () => {
  it('for random files, in random chunks', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, fc.integer({ min: 1, max: 40 }), async ({ text, delimiter }, chunk) => {
        const expected = await collect(readCsvRecordsWithCsvParse, text, delimiter, text.length + 1);
        expect(await collect(readCsvRecords, text, delimiter, chunk)).toStrictEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it.each<[string, string]>([
    ['plain LF', 'a,b\n1,2\n\n3,4\n'],
    ['plain CRLF without a final line end', 'a,b\r\n1,2\r\n\r\n3,4'],
    ['quoted fields with line breaks', 'a,b\r\n"x\r\ny",2\r\n"p\nq\rr",""""\r\n5,6\r\n'],
    ['a quote in an unquoted field', 'a,b\n5" band,x\n'],
    ['a quote never closed, after a blank line', 'a,b\n1,2\n\n"3,4\n5,6\n'],
    ['text after a closing quote', 'a,b\n"1"x,2\n3,4\n'],
    ['an LF in a CRLF file', 'a,b\r\n1,2\n3,4\r\n5,6\r\n'],
    ['a CR line ending', 'a,b\r1,2\r'],
    ['a byte order mark', '\uFEFFa,b\n1,2\n'],
    ['a trailing delimiter', 'a,b,\n1,2,\n3,'],
  ])('%s', async (_case, text) => {
    const expected = await collect(readCsvRecordsWithCsvParse, text, ',', text.length + 1);
    for (const chunk of [1, 3, text.length]) expect(await collect(readCsvRecords, text, ',', chunk)).toStrictEqual(expected);
  });

  it('hands a record longer than any export row to csv-parse, and reads on', async () => {
    const text = `a,b\n1,"${'x'.repeat(70_000)}\n${'y'.repeat(10)}"\n3,4\n`;
    const expected = await collect(readCsvRecordsWithCsvParse, text, ',', text.length + 1);
    expect(await collect(readCsvRecords, text, ',', 1000)).toStrictEqual(expected);
  });
});
