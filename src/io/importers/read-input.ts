// Reads an import file a chunk at a time: checks it is UTF-8 text, tells CSV from JSON and JSONL,
// parses it (CSV a chunk at a time, see csv-records.ts, so memory holds the rows read and not the
// text) and hands each row to the reader its header calls for. Every problem with the file as a
// whole (empty, binary, an unknown header, no rows) is a usage error; a problem with one row is a
// RowProblem with its line number.
import { isUtf8 } from 'node:buffer';
import { usageError } from '../../errors.js';
import { prepend, single } from './chunks.js';
import { Columns, trimTrailingEmpty } from './columns.js';
import { readCsvRecords } from './csv-records.js';
import { readerForHeader } from './detect.js';
import type { ReaderOptions } from './reader-options.js';
import { looksLikeRehab, RehabRowReader } from './rehab.js';
import type { FormatChoice, ImportedSet, Layout, RowOutcome, RowProblem, RowReader, SkipReason } from './types.js';

/** Where the rows come from: a name for messages and the bytes. */
export interface ImportSource {
  /** The file name as given, or "standard input". */
  name: string;
  chunks: AsyncIterable<Uint8Array>;
}

/** Everything read from a file, before any exercise is looked up. */
export interface ReadResult {
  layout: Layout;
  container: 'csv' | 'json' | 'jsonl';
  /** The CSV delimiter found in the header row; null for JSON. */
  delimiter: string | null;
  /** Data rows read (not the header, not blank lines). */
  rows: number;
  /** The rows that are sets, in file order. */
  sets: ImportedSet[];
  skipped: Record<SkipReason, number>;
  invalid: RowProblem[];
}

export interface ReadOptions {
  from: FormatChoice;
  /** Told to the format readers (the delimiter is filled in from the header row). */
  units: ReaderOptions['units'];
}

/** A header line longer than this is not a header: the file is not a CSV export. */
const LONGEST_HEADER_CHARACTERS = 64 * 1024;

/** Reads `source` whole, row by row; see the module comment. */
export async function readImportFile(source: ImportSource, options: ReadOptions): Promise<ReadResult> {
  const text = decodeText(source);
  // Look at the first characters to tell JSON from CSV, keeping what was read.
  let head = '';
  const iterator = text[Symbol.asyncIterator]();
  let done = false;
  while (!done && head.trim() === '') {
    const next = await iterator.next();
    if (next.done) done = true;
    else head += next.value;
  }
  if (head.trim() === '') throw usageError(`${source.name} is empty: there is nothing to import.`, 'Export your workouts from the app again and import that file.');
  const rest: AsyncIterable<string> = done ? emptyIterable() : { [Symbol.asyncIterator]: () => iterator };
  const first = head.trimStart()[0];
  if (first === '[') return readJsonArray(source.name, head, rest, options);
  if (first === '{') return readJsonLines(source.name, head, rest, options);
  return readCsv(source.name, head, rest, options);
}

// ---- text ------------------------------------------------------------------------------------

/**
 * The bytes of `source` as UTF-8 text, a chunk at a time, without a byte order mark. Binary data
 * (a NUL byte), UTF-16 and bytes that are not UTF-8 are usage errors.
 *
 * Not TextDecoder: streaming, it returns two-byte strings even for ASCII, which doubles the memory
 * of every cell kept and slows down all that reads them. Buffer's decoder keeps ASCII one byte
 * a character; `isUtf8` refuses what TextDecoder's fatal mode refuses.
 */
async function* decodeText(source: ImportSource): AsyncGenerator<string> {
  let first = true;
  let atStart = true;
  /** The first bytes of a character the last chunk ended inside. */
  let carried: Uint8Array = new Uint8Array(0);
  for await (const chunk of source.chunks) {
    if (first && chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
      throw usageError(`${source.name} is UTF-16 text, which rehab does not read.`, 'Save it as CSV in UTF-8 (most apps and spreadsheets offer "CSV UTF-8").');
    }
    first = false;
    if (chunk.indexOf(0) !== -1) throw notText(source.name);
    const bytes = carried.length === 0 ? chunk : Buffer.concat([carried, chunk]);
    const whole = completeCharacters(bytes);
    const complete = Buffer.from(bytes.buffer, bytes.byteOffset, whole);
    if (!isUtf8(complete)) throw notText(source.name);
    carried = new Uint8Array(bytes.subarray(whole));
    let text = complete.toString('utf8');
    if (atStart && text !== '') {
      atStart = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    yield text;
  }
  if (carried.length > 0) throw notText(source.name);
}

/** How many bytes at the start of `bytes` end on a character boundary (a cut character is left out). */
function completeCharacters(bytes: Uint8Array): number {
  // A character is at most four bytes: look back for the lead byte of the last one.
  for (let start = bytes.length - 1; start >= 0 && start >= bytes.length - 4; start--) {
    const byte = bytes[start]!;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte < 0x80 ? 1 : byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return start + length > bytes.length ? start : bytes.length;
  }
  return bytes.length;
}

function notText(name: string) {
  return usageError(
    `${name} is not a text file (CSV, JSON or JSONL in UTF-8): it holds binary data.`,
    'Import the CSV file the app exports, or a file written by `rehab export`.',
  );
}

async function* emptyIterable(): AsyncGenerator<string> {}

// ---- results ---------------------------------------------------------------------------------

class Collector {
  rows = 0;
  readonly sets: ImportedSet[] = [];
  readonly skipped: Record<SkipReason, number> = { warmup: 0, restTimer: 0, cardio: 0, empty: 0 };
  readonly invalid: RowProblem[] = [];

  add(outcome: RowOutcome): void {
    this.rows += 1;
    if (outcome.kind === 'set') this.sets.push(outcome.set);
    else if (outcome.kind === 'skip') this.skipped[outcome.reason] += 1;
    else this.invalid.push(outcome.problem);
  }

  result(name: string, layout: Layout, container: ReadResult['container'], delimiter: string | null): ReadResult {
    if (this.rows === 0) {
      throw usageError(
        `${name} has ${container === 'csv' ? 'a header row but no rows' : 'no rows'}: there is nothing to import.`,
        'Export your workouts again, with a date range that holds some.',
      );
    }
    return { layout, container, delimiter, rows: this.rows, sets: this.sets, skipped: this.skipped, invalid: this.invalid };
  }
}

// ---- CSV -------------------------------------------------------------------------------------

async function readCsv(name: string, head: string, rest: AsyncIterable<string>, options: ReadOptions): Promise<ReadResult> {
  // The delimiter comes from the header line, so read until it is complete.
  let firstLine = head;
  const iterator = rest[Symbol.asyncIterator]();
  let done = false;
  while (!done && !/[\r\n]/.test(firstLine) && firstLine.length <= LONGEST_HEADER_CHARACTERS) {
    const next = await iterator.next();
    if (next.done) done = true;
    else firstLine += next.value;
  }
  const lineEnd = firstLine.search(/[\r\n]/);
  const delimiter = guessDelimiter(lineEnd === -1 ? firstLine.slice(0, LONGEST_HEADER_CHARACTERS) : firstLine.slice(0, lineEnd));

  const collector = new Collector();
  let reader: RowReader | undefined;
  // A header written with trailing delimiters (`a,b,c,`) has rows written the same way.
  let headerWidth = 0;
  const all: AsyncIterable<string> = done ? single(firstLine) : prepend(firstLine, { [Symbol.asyncIterator]: () => iterator });
  await readCsvRecords(all, delimiter, {
    record(record, line) {
      if (reader === undefined) {
        const header = trimTrailingEmpty(record);
        headerWidth = record.length;
        reader = readerForHeader(header, options.from, { delimiter, units: options.units }, name);
        return;
      }
      if (record.every((field) => field.trim() === '')) return;
      collector.add(readRecord(reader, record, line, headerWidth));
    },
    problem(problem) {
      collector.add({ kind: 'invalid', problem });
    },
  });
  if (reader === undefined) throw usageError(`${name} is empty: there is nothing to import.`);
  return collector.result(name, reader.layout, 'csv', delimiter);
}

/**
 * Checks the row has as many fields as the header (with or without the header's trailing empty
 * columns), then reads it. Any other count is reported, never shifted: an unquoted comma in a
 * name makes a row one field longer, and its last field is often empty anyway.
 */
function readRecord(reader: RowReader, record: string[], line: number, headerWidth: number): RowOutcome {
  const fields = record.length === headerWidth && headerWidth > reader.width ? record.slice(0, reader.width) : record;
  if (fields.length !== reader.width) {
    const more = fields.length > reader.width;
    return {
      kind: 'invalid',
      problem: {
        line,
        reason: `has ${fields.length} fields where the header has ${reader.width}${more ? ' (a comma or semicolon in a field that is not quoted?)' : ''}`,
      },
    };
  }
  return reader.readFields(fields, line);
}

/** The delimiter of a header line: the most frequent of comma, semicolon and tab outside quotes. */
export function guessDelimiter(headerLine: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const character of headerLine) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && counts.has(character)) counts.set(character, (counts.get(character) ?? 0) + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

// ---- JSON and JSONL (rehab's own exports) -----------------------------------------------------

function jsonOnlyForRehab(name: string, options: ReadOptions): void {
  if (options.from !== 'auto' && options.from !== 'rehab') {
    throw usageError(`${name} is JSON, and only rehab's own exports are JSON; --from ${options.from} reads CSV files.`, 'Leave out --from, or import the app\'s CSV export.');
  }
}

function checkRehabKeys(name: string, value: unknown): void {
  const keys = typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value) : [];
  if (!looksLikeRehab(new Columns(keys))) {
    throw usageError(
      `${name} is JSON but not a rehab export: its first row does not have the columns of one.`,
      'rehab imports the JSON and JSONL files `rehab export` writes, and the CSV exports of Strong, Hevy and FitNotes.',
    );
  }
}

async function readJsonArray(name: string, head: string, rest: AsyncIterable<string>, options: ReadOptions): Promise<ReadResult> {
  jsonOnlyForRehab(name, options);
  let text = head;
  for await (const chunk of rest) text += chunk;
  let items: unknown;
  try {
    items = JSON.parse(text);
  } catch (error) {
    throw usageError(`${name} is not valid JSON (${(error as Error).message}).`, 'Import the file as `rehab export --format json` wrote it.');
  }
  if (!Array.isArray(items)) throw usageError(`${name} is JSON but not a list of sets.`, 'Import the file as `rehab export --format json` wrote it.');
  const reader = new RehabRowReader({ format: 'rehab', id: 'json', description: 'JSON' });
  const collector = new Collector();
  if (items.length > 0) checkRehabKeys(name, items[0]);
  const starts = itemStartLines(text);
  items.forEach((item, index) => collector.add(reader.readObject(item, starts[index] ?? index + 1)));
  return collector.result(name, reader.layout, 'json', null);
}

async function readJsonLines(name: string, head: string, rest: AsyncIterable<string>, options: ReadOptions): Promise<ReadResult> {
  jsonOnlyForRehab(name, options);
  const reader = new RehabRowReader({ format: 'rehab', id: 'jsonl', description: 'JSONL' });
  const collector = new Collector();
  let lineNumber = 0;
  let pending = '';
  const readLine = (line: string): void => {
    lineNumber += 1;
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      if (collector.rows === 0) checkRehabKeys(name, undefined);
      collector.add({ kind: 'invalid', problem: { line: lineNumber, reason: 'is not valid JSON' } });
      return;
    }
    if (collector.rows === 0) checkRehabKeys(name, value);
    collector.add(reader.readObject(value, lineNumber));
  };
  for await (const chunk of prepend(head, rest)) {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) readLine(line.endsWith('\r') ? line.slice(0, -1) : line);
  }
  if (pending !== '') readLine(pending);
  return collector.result(name, reader.layout, 'jsonl', null);
}

/**
 * The line each item of a top-level JSON array starts on, from a scan of the (already parsed,
 * so valid) text: strings are skipped, nesting is counted.
 */
export function itemStartLines(text: string): number[] {
  const starts: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let expectingItem = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === '\n' || (character === '\r' && text[index + 1] !== '\n')) line += 1;
    if (inString) {
      if (escaped) escaped = false;
      else if (character === '\\') escaped = true;
      else if (character === '"') inString = false;
      continue;
    }
    if (character === ' ' || character === '\t' || character === '\n' || character === '\r') continue;
    if (depth === 1 && expectingItem && character !== ']' && character !== ',') {
      starts.push(line);
      expectingItem = false;
    }
    if (character === '"') inString = true;
    else if (character === '[' || character === '{') {
      depth += 1;
      if (depth === 1) expectingItem = true;
    } else if (character === ']' || character === '}') depth -= 1;
    else if (character === ',' && depth === 1) expectingItem = true;
  }
  return starts;
}
