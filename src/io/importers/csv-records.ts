// Splits CSV text into records, each with the line it starts on as an editor numbers lines. The
// exports rehab reads are plain CSV (fields quoted or not, one line ending throughout): those are
// split here, a line at a time. From the first record that is anything else (a quote that does
// not close, text after a closing quote, a stray CR or LF, a record longer than any export row,
// a second byte order mark) csv-parse reads the rest, as forgiving as it is and as slow.
import { once } from 'node:events';
import { parse, type CsvError, type Info } from 'csv-parse';
import { prepend, single } from './chunks.js';
import type { RowProblem } from './types.js';

/** Where the records of a file go, in file order. */
export interface CsvRecordSink {
  /** A record (blank lines are left out), with the line it starts on. */
  record(fields: string[], line: number): void;
  /** A record that could not be read as CSV at all, at its place among the records. */
  problem(problem: RowProblem): void;
}

/** A plain record longer than this is not an export row: csv-parse takes over. */
const LONGEST_PLAIN_RECORD = 64 * 1024;

/**
 * Reads all of `text` (the whole file from its start, a chunk at a time) into `sink`, fields split
 * on `delimiter`, line endings found as csv-parse finds them: the first one decides.
 */
export async function readCsvRecords(text: AsyncIterable<string>, delimiter: string, sink: CsvRecordSink): Promise<void> {
  const splitter = new PlainCsvSplitter(delimiter, sink);
  const iterator = text[Symbol.asyncIterator]();
  let pending = '';
  for (;;) {
    const next = await iterator.next();
    const final = next.done === true;
    if (!final) pending += next.value;
    const stop = splitter.split(pending, final);
    pending = pending.slice(stop.at);
    if (stop.plain && final) return;
    if (stop.plain) continue;
    const rest: AsyncIterable<string> = final ? single(pending) : prepend(pending, { [Symbol.asyncIterator]: () => iterator });
    await readWithCsvParse(rest, delimiter, splitter.resumeState(), sink);
    return;
  }
}

/**
 * Where splitting stopped: just after the last record read (blank lines after it are read again
 * next time), to wait for more text (`plain`) or for csv-parse to go on from there.
 */
interface Stop {
  at: number;
  plain: boolean;
}

/** What csv-parse needs to go on from a record boundary as if it had read the text before it. */
interface ResumeState {
  /** The line the text handed over starts on. */
  line: number;
  /** The line ending found so far, if any. */
  recordDelimiter: '\n' | '\r\n' | undefined;
  /** Nothing was read yet: csv-parse drops a byte order mark there. */
  atStart: boolean;
}

/** What `readRecord` found: where the next record starts, or that the text ends inside this one. */
type RecordEnd = number | 'more' | 'not plain';

/**
 * The fast path, a record at a time from a record boundary. A line with no quote and no CR is
 * split on the delimiter; any other record is read a character at a time, and one csv-parse
 * would read other than as strict CSV stops the split.
 */
class PlainCsvSplitter {
  /** The line just after the last record read. */
  private line = 1;
  private recordDelimiter: '\n' | '\r\n' | undefined;
  private atStart = true;

  constructor(
    private readonly delimiter: string,
    private readonly sink: CsvRecordSink,
  ) {}

  resumeState(): ResumeState {
    return { line: this.line, recordDelimiter: this.recordDelimiter, atStart: this.atStart };
  }

  /** Splits the complete records at the start of `text` (all of it when `final`). */
  split(text: string, final: boolean): Stop {
    const { delimiter, sink } = this;
    if (this.atStart && text.charCodeAt(0) === 0xfeff) return { at: 0, plain: false };
    let last = 0;
    let at = 0;
    let line = this.line;
    while (at < text.length) {
      const lineFeed = text.indexOf('\n', at);
      if (lineFeed === -1 && !final) break;
      const crlf = lineFeed > at && text.charCodeAt(lineFeed - 1) === 13;
      const ending = crlf ? '\r\n' : '\n';
      const content = lineFeed === -1 ? text.slice(at) : text.slice(at, crlf ? lineFeed - 1 : lineFeed);
      const sameEnding = lineFeed === -1 || this.recordDelimiter === undefined || this.recordDelimiter === ending;
      if (sameEnding && content.indexOf('"') === -1 && content.indexOf('\r') === -1) {
        if (lineFeed !== -1) this.recordDelimiter ??= ending;
        at = lineFeed === -1 ? text.length : lineFeed + 1;
        line += 1;
        // A blank line is no record (skip_empty_lines).
        if (content === '') continue;
        sink.record(content.split(delimiter), line - 1);
      } else {
        const fields: string[] = [];
        const end = this.readRecord(text, at, final, fields);
        if (end === 'more') break;
        if (end === 'not plain') return { at: last, plain: false };
        sink.record(fields, line);
        line += lineBreaks(text, at, end);
        at = end;
      }
      this.atStart = false;
      this.line = line;
      last = at;
    }
    return { at: last, plain: text.length - last <= LONGEST_PLAIN_RECORD };
  }

  /**
   * Reads the record at `start` a character at a time into `fields`: where the next record
   * starts, 'more' when the text ends inside it (and more is coming), or 'not plain'.
   */
  private readRecord(text: string, start: number, final: boolean, fields: string[]): RecordEnd {
    const { delimiter } = this;
    let at = start;
    for (;;) {
      if (text.charCodeAt(at) === 34) {
        // A quoted field: "" is a quote, and the closing quote ends the field.
        let field = '';
        let from = at + 1;
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote === -1) return final ? 'not plain' : 'more';
          if (quote + 1 === text.length && !final) return 'more';
          if (text.charCodeAt(quote + 1) === 34) {
            field += text.slice(from, quote + 1);
            from = quote + 2;
            continue;
          }
          field += text.slice(from, quote);
          at = quote + 1;
          break;
        }
        fields.push(field);
      } else {
        // An unquoted field, up to the delimiter or the line ending; a quote in it is text.
        let end = at;
        while (end < text.length) {
          const code = text.charCodeAt(end);
          if (code === 13 || code === 10 || text.startsWith(delimiter, end)) break;
          end += 1;
        }
        fields.push(text.slice(at, end));
        at = end;
      }
      if (at === text.length) return final ? at : 'more';
      if (text.startsWith(delimiter, at)) {
        at += delimiter.length;
        continue;
      }
      const ending = this.endingAt(text, at, final);
      if (ending === 'more' || ending === 'not plain') return ending;
      this.recordDelimiter ??= ending;
      return at + ending.length;
    }
  }

  /** The file's line ending at `at`. */
  private endingAt(text: string, at: number, final: boolean): '\n' | '\r\n' | 'more' | 'not plain' {
    const code = text.charCodeAt(at);
    if (code === 10) return this.recordDelimiter === '\r\n' ? 'not plain' : '\n';
    if (code !== 13) return 'not plain';
    if (at + 1 === text.length) return final ? 'not plain' : 'more';
    if (text.charCodeAt(at + 1) !== 10) return 'not plain';
    return this.recordDelimiter === '\n' ? 'not plain' : '\r\n';
  }
}

/** Line breaks in `text` from `start` to `end` as an editor counts them: CRLF, CR and LF each one. */
function lineBreaks(text: string, start: number, end: number): number {
  let count = 0;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code === 10) count += 1;
    else if (code === 13 && text.charCodeAt(index + 1) !== 10) count += 1;
  }
  return count;
}

// ---- csv-parse -------------------------------------------------------------------------------

/**
 * Reads all of `text` with csv-parse alone, as `readCsvRecords` did before it had a fast path:
 * the reference its results are tested against.
 */
export function readCsvRecordsWithCsvParse(text: AsyncIterable<string>, delimiter: string, sink: CsvRecordSink): Promise<void> {
  return readWithCsvParse(text, delimiter, { line: 1, recordDelimiter: undefined, atStart: true }, sink);
}

/** csv-parse, from a record boundary on, with line numbers counted from where it starts. */
async function readWithCsvParse(text: AsyncIterable<string>, delimiter: string, resume: ResumeState, sink: CsvRecordSink): Promise<void> {
  const lines = new LineCounter(resume.line - 1);
  const parser = parse({
    bom: resume.atStart,
    delimiter,
    info: true,
    ...(resume.recordDelimiter === undefined ? {} : { record_delimiter: resume.recordDelimiter }),
    // Rows with too many or too few fields are reported by line, not refused by the parser.
    relax_column_count: true,
    // `5" band` in an unquoted field is text, not a syntax error.
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined) => {
      if (error) lines.skippedRecord(error);
    },
  });
  const feeding = (async () => {
    for await (const chunk of text) {
      if (!parser.write(chunk)) await once(parser, 'drain');
    }
    parser.end();
  })();
  feeding.catch((error: unknown) => parser.destroy(error as Error));
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
    // A record the parser skipped (a quote never closed) lies between the last one and this.
    for (const problem of lines.takeProblems()) sink.problem(problem);
    sink.record(record, lines.startOf(record, info));
  }
  await feeding;
  for (const problem of lines.takeProblems(true)) sink.problem(problem);
}

/**
 * Line numbers as an editor shows them, where each record starts. csv-parse counts lines at the
 * end of a record, and counts a CRLF inside a quoted field as two; this undoes both. Records it
 * skips (a quote never closed) are reported, in order, on the line after the record before them.
 */
class LineCounter {
  private overcount = 0;
  private lastEnd: number;
  private recordsRead = 0;
  private skipped: Array<{ afterRecords: number; reason: string }> = [];

  /** `offset`: the lines before the text csv-parse reads. */
  constructor(private readonly offset: number) {
    this.lastEnd = offset;
  }

  startOf(record: string[], info: Info): number {
    let inner = 0;
    for (const field of record) {
      if (!/[\r\n]/.test(field)) continue;
      this.overcount += field.split('\r\n').length - 1;
      inner += (field.match(/\r\n|\r|\n/g) ?? []).length;
    }
    const end = this.offset + info.lines - this.overcount;
    this.lastEnd = end;
    this.recordsRead = info.records;
    return end - inner;
  }

  /** A record csv-parse could not read (it may tell before the records ahead of it are read). */
  skippedRecord(error: CsvError): void {
    const reason =
      error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quoted field starts here and is never closed (the rest of the file was read as part of it)'
        : error.code === 'CSV_MAX_RECORD_SIZE'
          ? 'is too long to be a row of an export'
          : `cannot be read as CSV (${error.message})`;
    this.skipped.push({ afterRecords: typeof error.records === 'number' ? error.records : 0, reason });
  }

  /** The skipped records that come before the next record; at the end (`all`), every one left. */
  takeProblems(all = false): RowProblem[] {
    const ready = this.skipped.filter((problem) => all || problem.afterRecords <= this.recordsRead);
    this.skipped = this.skipped.filter((problem) => !ready.includes(problem));
    return ready.map((problem) => ({ line: this.lastEnd + 1, reason: problem.reason }));
  }
}
