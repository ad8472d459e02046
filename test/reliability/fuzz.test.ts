// Fuzzing what people type and what files hold (issue 7), in-process so that thousands of cases
// run in seconds: the log grammar, dates, loads, the command line through the real commander
// program, and import files through the real readers and the import handler. Every input either
// works or is a usage error (RehabError 'usage', or commander's own, which main turns into exit
// 2); never anything else, and never a write when it is an error. (fuzz-binary.test.ts runs a
// smaller number through the built binary, for the exit code and the one line on stderr.)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { CommanderError, type Command } from 'commander';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateParser, integerParser } from '../../src/cli/parsers.js';
import { buildProgram } from '../../src/cli/program.js';
import { importCommand } from '../../src/commands/import.js';
import type { CommandOutput } from '../../src/commands/output.js';
import { parseLoad, parseLogDate, parseLogWords, parsePain, parseRpe, parseScheme, type LogWords } from '../../src/domain/log-grammar.js';
import type { Load, Scheme, Unit } from '../../src/domain/types.js';
import { RehabError } from '../../src/errors.js';
import { readImportFile } from '../../src/io/importers/read-input.js';
import { UnitSource } from '../../src/io/importers/reader-options.js';
import { createStyle } from '../../src/io/style.js';
import { tempFolder } from '../db/fixtures.js';

const TODAY = '2026-11-24';

/** `n` cases, times REHAB_FUZZ_SCALE (e.g. 20 for a deeper run on your machine; the suite uses 1). */
function runs(n: number): number {
  return Math.round(n * (Number(process.env.REHAB_FUZZ_SCALE) || 1));
}
const NOW = new Date('2026-11-24T18:00:00.000Z');

/** Runs `attempt`; an error must be a usage error. Returns whether it succeeded. */
function worksOrUsageError(attempt: () => unknown): boolean {
  try {
    attempt();
    return true;
  } catch (error) {
    expectUsageError(error);
    return false;
  }
}

function expectUsageError(error: unknown): void {
  if (!RehabError.is(error)) throw new Error(`not a usage error: ${String(error)}`, { cause: error });
  expect(error.code, error.message).toBe('usage');
  expect(error.message.length).toBeGreaterThan(0);
}

// Pieces of the grammar, so that generated text reaches deep into the parsers, not only their
// first check; mixed with any unicode text, line breaks, terminal escapes and huge numbers.
const grammarPiece = fc.constantFrom(
  'bw', 'bodyweight', 'kg', 'lb', 'lbs', 's', 'x', 'X', '×', '@', ',', '.', '+', '-', '−', ' ', '/', '0', '1', '3', '8', '9.5', '25', '22.5',
  '1000', '2201', '99999999999999999999', '1e3', 'NaN', 'Infinity', 'mon', 'sunday', 'today', 'yesterday', 'd', 'w', '-3d', '+1d', '2026-11-20',
  '2026-02-30', '1899-12-31', '\n', '\t', '\u001b[31m', '\u0000', '"', "'", '$(x)', '`x`', '🏋️', 'é',
);
const text = fc.oneof(
  { weight: 3, arbitrary: fc.array(grammarPiece, { maxLength: 8 }).map((pieces) => pieces.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
const unit = fc.constantFrom<Unit>('kg', 'lb');

describe('the log grammar, dates and loads: any text parses to a sound value or is a usage error', () => {
  it('loads (2,000 cases)', () => {
    fc.assert(
      fc.property(text, unit, (t, u) => {
        let load: Load | undefined;
        if (!worksOrUsageError(() => (load = parseLoad(t, u)))) return;
        if (load!.kind === 'external') {
          expect(Number.isFinite(load!.value) && load!.value > 0 && load!.value <= 2200).toBe(true);
        } else {
          expect(Number.isFinite(load!.added)).toBe(true);
        }
        expect(['kg', 'lb']).toContain(load!.unit);
      }),
      { numRuns: runs(2000) },
    );
  });

  it('schemes (1,500 cases)', () => {
    fc.assert(
      fc.property(text, (t) => {
        let scheme: Scheme | undefined;
        if (!worksOrUsageError(() => (scheme = parseScheme(t)))) return;
        const counts = scheme!.kind === 'reps' ? scheme!.reps : scheme!.seconds;
        expect(counts.length).toBeGreaterThan(0);
        expect(counts.every((n) => Number.isInteger(n) && n >= 1 && n <= 3600)).toBe(true);
        if (scheme!.rpe !== undefined) expect(scheme!.rpe >= 1 && scheme!.rpe <= 10).toBe(true);
      }),
      { numRuns: runs(1500) },
    );
  });

  it('dates (1,500 cases): a real calendar day, never after today, and the same from --date', () => {
    const isRealDay = (day: string) => /^\d{4}-\d{2}-\d{2}$/.test(day) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);
    fc.assert(
      fc.property(text, (t) => {
        let day: string | undefined;
        if (worksOrUsageError(() => (day = parseLogDate(t, TODAY)))) {
          expect(isRealDay(day!)).toBe(true);
          expect(day! <= TODAY).toBe(true);
        }
        let planned: string | undefined;
        if (worksOrUsageError(() => (planned = dateParser(TODAY, { allowFuture: true })(t)))) expect(isRealDay(planned!)).toBe(true);
      }),
      { numRuns: runs(1500) },
    );
  });

  it('RPE, pain and whole numbers (1,000 cases)', () => {
    fc.assert(
      fc.property(text, (t) => {
        let rpe = 0;
        if (worksOrUsageError(() => (rpe = parseRpe(t)))) expect(rpe >= 1 && rpe <= 10 && Number.isInteger(rpe * 2)).toBe(true);
        let pain = -1;
        if (worksOrUsageError(() => (pain = parsePain(t)))) expect(Number.isInteger(pain) && pain >= 0 && pain <= 10).toBe(true);
        let limit = 0;
        if (worksOrUsageError(() => (limit = integerParser('--limit', 1)(t)))) expect(Number.isSafeInteger(limit) && limit >= 1).toBe(true);
      }),
      { numRuns: runs(1000) },
    );
  });

  it('the words of `rehab log` (2,000 cases): a name, and at most one load and one scheme', () => {
    const word = fc.oneof(text, fc.constantFrom('squat', 'goblet', 'side plank', '25kg', '3x8', '8,8,6', 'bw+10kg', '3x30s@7'));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), unit, (words, u) => {
        let parsed: LogWords | undefined;
        if (!worksOrUsageError(() => (parsed = parseLogWords(words, u)))) return;
        expect(parsed!.name.trim().length).toBeGreaterThan(0);
      }),
      { numRuns: runs(2000) },
    );
  });
});

// ---- the command line ---------------------------------------------------------------------------

/** The commands the command-line fuzz drives: everything that reads or writes the log, and no
 * command that writes other files (`-o`, `db backup`), reads stdin or prompts (`init`, `import`). */
const FUZZED_COMMANDS = [
  ['log'], ['next'], ['history'], ['export'], ['pain'], ['bodyweight'], ['milestones'], ['undo'], ['edit'], ['delete'], ['progress'],
  ['exercise', 'list'], ['exercise', 'add'], ['exercise', 'set'], ['exercise', 'rename'], ['exercise', 'archive'], ['exercise', 'unarchive'],
  ['plan', 'show'], ['db', 'path'], ['db', 'check'],
];
/** Never generated: options that write files elsewhere or print help through commander itself. */
const EXCLUDED_TOKENS = /^(-o|--output.*|--db.*|-h|--help|help|-V|--version|-|--debug)$/;

function findCommand(program: Command, names: string[]): Command | undefined {
  let command: Command | undefined = program;
  for (const name of names) command = command?.commands.find((sub) => sub.name() === name);
  return command;
}

/** Each fuzzed command with its own options' flags, read from the real program. */
function commandVocabulary(): Array<{ path: string[]; flags: string[] }> {
  const program = buildProgram({ now: NOW, deliver: () => {} });
  return FUZZED_COMMANDS.flatMap((names) => {
    const command = findCommand(program, names);
    if (!command) return [];
    const flags = command.options.flatMap((option) => [option.long, option.short]).filter((flag): flag is string => flag !== undefined && !EXCLUDED_TOKENS.test(flag));
    return [{ path: names, flags: [...flags, '--units', '--no-color'] }];
  });
}

const discard = () => new Writable({ write: (_chunk, _encoding, done) => done() });

describe('the command line, in-process through the real program (2,000 cases)', () => {
  let folder: string;
  let file: string;
  let watcher: Database.Database;
  let isTTY: PropertyDescriptor | undefined;

  beforeAll(async () => {
    // Nothing may prompt: a prompt would wait for a terminal that is not there.
    isTTY = Object.getOwnPropertyDescriptor(process.stdin, 'isTTY');
    Object.defineProperty(process.stdin, 'isTTY', { value: false, configurable: true });
    folder = tempFolder();
    file = path.join(folder, 'rehab.db');
    for (const args of [['log', 'squat', '20kg', '3x8', '--date', '2026-11-20'], ['log', 'side plank', 'bw', '3x30s', '--date', '2026-11-21'], ['pain', '3']]) await runInProcess(args);
    watcher = new Database(file, { readonly: true });
  });
  afterAll(() => {
    watcher?.close();
    if (isTTY) Object.defineProperty(process.stdin, 'isTTY', isTTY);
    else delete (process.stdin as { isTTY?: boolean }).isTTY;
  });

  async function runInProcess(args: string[]): Promise<CommandOutput[]> {
    const outputs: CommandOutput[] = [];
    const program = buildProgram({ now: NOW, deliver: (output) => outputs.push(output) });
    await program.parseAsync(['--db', file, ...args], { from: 'user' });
    // `rehab export` streams: run the stream, so its connection closes.
    for (const output of outputs) await output.stream?.(discard());
    return outputs;
  }

  /** Changes whenever another connection commits (sqlite.org/pragma.html#pragma_data_version). */
  const dataVersion = () => watcher.pragma('data_version', { simple: true }) as number;

  it('any arguments: output or a usage error; after an error the log is unchanged', async () => {
    const vocabulary = commandVocabulary();
    expect(vocabulary.map((command) => command.path.join(' '))).toEqual(expect.arrayContaining(['log', 'next', 'edit', 'exercise set', 'db check']));
    const value = fc.oneof(
      text,
      fc.constantFrom('squat', 'goblet squat', 'side plank', 'bridge', '1', '2', '3', '999', '0', '-1', 'json', 'text', 'csv', 'kg', 'lb', 'reps.max=15', 'milestones.loadsKg=[20,30]', '8-12', '--', ''),
    );
    const args = fc.constantFrom(...vocabulary).chain(({ path: names, flags }) =>
      fc.array(fc.oneof({ weight: 2, arbitrary: value }, { weight: 1, arbitrary: fc.constantFrom(...flags) }), { maxLength: 6 }).map((rest) => [...names, ...rest]),
    );
    let failures = 0;
    await fc.assert(
      fc.asyncProperty(args, async (argv) => {
        fc.pre(!argv.some((token) => EXCLUDED_TOKENS.test(token)));
        const before = dataVersion();
        try {
          await runInProcess(argv);
        } catch (error) {
          // Commander shows the version by throwing with exit code 0, also for a token it reads as
          // -V with more after it (`-V `, `-V2`, like `ls -la`): that is output, not a failure.
          if (error instanceof CommanderError && error.code === 'commander.version') {
            expect(dataVersion(), `${JSON.stringify(argv)} showed the version but wrote`).toBe(before);
            return;
          }
          failures++;
          if (error instanceof CommanderError) expect(error.exitCode, error.message).not.toBe(0);
          else expectUsageError(error);
          expect(dataVersion(), `${JSON.stringify(argv)} failed but wrote`).toBe(before);
        }
      }),
      { numRuns: runs(2000) },
    );
    // The fuzz reached both sides: commands that worked and commands that were refused.
    expect(failures).toBeGreaterThan(100);
    expect(failures).toBeLessThan(runs(2000));
  }, 300_000);
});

// ---- import files ------------------------------------------------------------------------------

async function* chunksOf(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'fixtures', 'import');

/** The header rows of every known export layout (the fixtures), and rehab's own CSV header. */
function knownHeaders(): string[] {
  return readdirSync(FIXTURES)
    .filter((name) => name.endsWith('.csv'))
    .map((name) => readFileSync(path.join(FIXTURES, name), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0]!);
}

const cell = fc.oneof(
  fc.constantFrom('', '0', '1', '8', '-5', '2.5', '62,5', '1e3', 'NaN', 'abc', 'W', 'D', 'F', '1', 'Rest Timer', 'warmup', 'normal', 'kg', 'lbs', 'KGS',
    '2024-05-02 17:00:00', '2024-02-30 10:00:00', '2024-05-02', '13 Mar 2026, 15:22', '5/2/2024 5:00 PM', '00:00:30', '1:02:03', 'Squat (Barbell)',
    'Side Plank', 'Bench Press (Assisted)', '"quoted, with comma"', '"line\nbreak"', '"unclosed', '=SUM(A1)', 'é 日本 🏋️', '\t'),
  fc.string({ maxLength: 8 }),
);

/** A CSV: a known header (or a random one), then rows of cells, most with the header's field count. */
const csvFile = fc.tuple(fc.constantFrom(...knownHeaders(), 'a,b,c'), fc.constantFrom(',', ';'), fc.array(fc.array(cell, { minLength: 1, maxLength: 16 }), { maxLength: 6 }), fc.constantFrom('\n', '\r\n'))
  .map(([header, delimiter, rows, eol]) => {
    const columns = header.split(/[,;]/).length;
    const sized = rows.map((row) => (row.length % 3 === 0 ? row : Array.from({ length: columns }, (_, i) => row[i % row.length]!)));
    return [header.replace(/[,;]/g, delimiter), ...sized.map((row) => row.join(delimiter))].join(eol) + eol;
  });
const rehabJson = fc.array(
  fc.record({ id: fc.oneof(fc.uuid(), fc.string()), date: fc.oneof(fc.constant('2026-01-05'), fc.string()), exercise: fc.string(), set: fc.oneof(fc.nat(), fc.string()), reps: fc.oneof(fc.nat(), fc.constant(null)), load: fc.oneof(fc.double(), fc.string()), unit: fc.constantFrom('kg', 'lb', 'st', null) }, { requiredKeys: [] }),
  { maxLength: 4 },
).map((rows) => JSON.stringify(rows));
const importFile = fc.oneof(
  { weight: 4, arbitrary: csvFile.map((t) => Buffer.from(t, 'utf8')) },
  { weight: 1, arbitrary: rehabJson.map((t) => Buffer.from(t, 'utf8')) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map((t) => Buffer.from(t, 'utf8')) },
);

describe('import files', () => {
  it('the readers (2,000 cases): every row a set, a skip or an invalid row with its line, or the whole file a usage error', async () => {
    await fc.assert(
      fc.asyncProperty(importFile, fc.constantFrom('auto', 'strong', 'hevy', 'fitnotes', 'rehab') as fc.Arbitrary<'auto'>, async (bytes, from) => {
        try {
          const result = await readImportFile({ name: 'fuzz.csv', chunks: chunksOf(bytes) }, { from, units: new UnitSource(undefined, 'kg') });
          const skipped = Object.values(result.skipped).reduce((sum, n) => sum + n, 0);
          expect(result.sets.length + skipped + result.invalid.length).toBe(result.rows);
          for (const problem of result.invalid) expect(problem.line).toBeGreaterThanOrEqual(1);
        } catch (error) {
          expectUsageError(error);
        }
      }),
      { numRuns: runs(2000) },
    );
  });

  it('the import command (300 cases): an invalid file is refused whole, and nothing is written', async () => {
    const folder = tempFolder();
    const file = path.join(folder, 'rehab.db');
    const context = { dbPath: file, displayUnits: undefined, today: TODAY, now: NOW.toISOString(), style: createStyle(false), stdinIsTTY: false };
    await importCommand(path.join(FIXTURES, 'strong-3-kg.csv'), { from: 'auto', format: 'text' }, context);
    const watcher = new Database(file, { readonly: true });
    const input = path.join(folder, 'fuzz.csv');
    try {
      await fc.assert(
        fc.asyncProperty(importFile, async (bytes) => {
          writeFileSync(input, bytes);
          const before = watcher.pragma('data_version', { simple: true });
          try {
            await importCommand(input, { from: 'auto', format: 'json' }, context);
          } catch (error) {
            expectUsageError(error);
            expect(watcher.pragma('data_version', { simple: true })).toBe(before);
          }
        }),
        { numRuns: runs(300) },
      );
    } finally {
      watcher.close();
    }
  }, 120_000);
});
