// `rehab export` through the built binary: formats, filters, --bom, -o, pipes that close early.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outputFileError } from '../../src/commands/export.js';
import { EXPORT_COLUMNS } from '../../src/io/export-columns.js';
import { BIN, makeSandbox, type Sandbox } from './run-rehab.js';

let sandbox: Sandbox;
beforeEach(() => {
  sandbox = makeSandbox();
});
afterEach(() => sandbox.cleanup());

const HEADER = EXPORT_COLUMNS.join(',');

/** Three sessions with what exports must get right: lb, an assisted load, a timed hold, a formula-like note. */
function logThreeSessions(): void {
  for (const args of [
    ['log', 'squat', '55lb', '3x12', '--date', '2026-03-02', '--note', '=HYPERLINK("http://evil"), "hi"'],
    ['log', 'bridge', 'bw-20kg', '10,9', '--date', '2026-03-04', '--rpe', '8'],
    ['log', 'side plank', 'bw', 'x30s', '--date', '2026-03-04', '--pain', '2', '--note', 'line one\nline two'],
  ]) {
    expect(sandbox.run(args).code).toBe(0);
  }
}

function ok(args: string[]): string {
  const result = sandbox.run(args);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

function usageFailure(args: string[], message: RegExp): void {
  const result = sandbox.run(args);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(message);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
}

/** Copies one logged set `count` times with new uids: enough output to fill any pipe buffer. */
function bulkLog(count: number): void {
  expect(sandbox.run(['log', 'squat', '20kg', 'x8', '--note', 'some text to make the rows longer']).code).toBe(0);
  const db = new Database(sandbox.db);
  try {
    db.transaction(() => {
      const copy = db.prepare(
        `INSERT INTO sets (uid, batch_id, exercise_id, date, session, set_number, reps, seconds, load_kind, load_value, load_unit, rpe, pain, note, source, created_at)
         SELECT ?, batch_id, exercise_id, date, session, ?, reps, seconds, load_kind, load_value, load_unit, rpe, pain, note, source, created_at FROM sets WHERE id = 1`,
      );
      for (let i = 2; i <= count; i++) copy.run(`uid-${i}`, i);
    })();
  } finally {
    db.close();
  }
}

describe('rehab export', () => {
  it('writes RFC 4180 CSV: the header row, one CRLF row per set, loads as logged, formulas neutralised', () => {
    logThreeSessions();
    const csv = ok(['export']);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(HEADER);
    const records = parse(csv, { columns: true }) as Array<Record<string, string>>;
    expect(records.map((r) => `${r.date} ${r.exercise} ${r.set} ${r.reps}${r.seconds} ${r.load} ${r.unit} ${r.load_type} ${r.load_kg}`)).toEqual([
      '2026-03-02 Goblet squat 1 12 55 lb external 24.948',
      '2026-03-02 Goblet squat 2 12 55 lb external 24.948',
      '2026-03-02 Goblet squat 3 12 55 lb external 24.948',
      '2026-03-04 Glute bridge 1 10 -20 kg bodyweight -20',
      '2026-03-04 Glute bridge 2 9 -20 kg bodyweight -20',
      '2026-03-04 Side plank 1 30 0 kg bodyweight 0',
    ]);
    expect(records[0]!.note).toBe(`'=HYPERLINK("http://evil"), "hi"`);
    expect(records[3]!.rpe).toBe('8');
    expect(records[5]).toMatchObject({ pain: '2', note: 'line one\nline two', source: 'typed' });
    expect(records[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    // The assisted load is a number cell, not neutralised text.
    expect(lines[4]).toContain(',-20,kg,bodyweight,-20,');
  });

  it('writes the same sets as one JSON array and as JSONL, numbers as numbers and null for empty', () => {
    logThreeSessions();
    const json = JSON.parse(ok(['export', '--format', 'json'])) as Array<Record<string, unknown>>;
    const jsonl = ok(['export', '--format', 'jsonl'])
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(jsonl).toEqual(json);
    expect(json).toHaveLength(6);
    expect(Object.keys(json[0]!)).toEqual([...EXPORT_COLUMNS]);
    expect(json[0]).toMatchObject({ load: 55, unit: 'lb', load_kg: 24.948, reps: 12, seconds: null, rpe: null, note: '=HYPERLINK("http://evil"), "hi"' });
    expect(json[5]).toMatchObject({ reps: null, seconds: 30, load: 0, load_type: 'bodyweight', pain: 2 });

    const csvIds = (parse(ok(['export']), { columns: true }) as Array<{ id: string }>).map((r) => r.id);
    expect(json.map((r) => r.id)).toEqual(csvIds);
  });

  it.each<[string, string[], string[]]>([
    ['--exercise takes a name or alias', ['--exercise', 'bridge'], ['2026-03-04 Glute bridge', '2026-03-04 Glute bridge']],
    ['--since is inclusive', ['--since', '2026-03-04'], ['2026-03-04 Glute bridge', '2026-03-04 Glute bridge', '2026-03-04 Side plank']],
    ['--until is inclusive', ['--until', '2026-03-02'], ['2026-03-02 Goblet squat', '2026-03-02 Goblet squat', '2026-03-02 Goblet squat']],
    ['filters combine', ['--exercise', 'Side plank', '--since', '2026-03-03', '--until', '2026-03-05'], ['2026-03-04 Side plank']],
    ['a filter that selects nothing leaves the header row', ['--since', '2026-04-01'], []],
  ])('%s', (_rule, filters, expected) => {
    logThreeSessions();
    for (const format of ['csv', 'jsonl'] as const) {
      const out = ok(['export', '--format', format, ...filters]);
      const rows = format === 'csv' ? (parse(out, { columns: true }) as Array<Record<string, string>>) : out.split('\n').filter(Boolean).map((l) => JSON.parse(l));
      expect(rows.map((r) => `${r.date} ${r.exercise}`)).toEqual(expected);
    }
  });

  it('exports an empty log as the header row alone, [] or nothing', () => {
    sandbox.run(['next']);
    expect(ok(['export'])).toBe(`${HEADER}\r\n`);
    expect(ok(['export', '--format', 'json'])).toBe('[]\n');
    expect(ok(['export', '--format', 'jsonl'])).toBe('');
  });

  it('--bom starts the CSV with the UTF-8 byte order mark, for Excel', () => {
    logThreeSessions();
    const result = spawnSync(process.execPath, [BIN, 'export', '--bom'], { env: { ...process.env, REHAB_DB: sandbox.db } });
    expect(result.status).toBe(0);
    expect([...result.stdout.subarray(0, 5)]).toEqual([0xef, 0xbb, 0xbf, 0x69, 0x64]); // BOM, "id"
  });

  describe('-o FILE', () => {
    it('writes the file (the same bytes as stdout), says so on stderr, and leaves nothing else', () => {
      logThreeSessions();
      const folder = path.join(sandbox.dir, 'out');
      mkdirSync(folder);
      const file = path.join(folder, 'log.csv');
      const result = sandbox.run(['export', '--bom', '-o', file]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`Exported 6 sets to ${file} (csv).\n`);
      expect(readFileSync(file, 'utf8')).toBe(`\uFEFF${ok(['export'])}`);
      expect(readdirSync(folder)).toEqual(['log.csv']);
    });

    it('replaces an existing file whole', () => {
      logThreeSessions();
      const file = path.join(sandbox.dir, 'log.jsonl');
      writeFileSync(file, 'an older, longer export\n'.repeat(1000));
      expect(sandbox.run(['export', '--format', 'jsonl', '-o', file, '--exercise', 'plank']).code).toBe(0);
      expect(readFileSync(file, 'utf8').trimEnd().split('\n')).toHaveLength(1);
    });

    it('-o - is stdout', () => {
      logThreeSessions();
      expect(ok(['export', '-o', '-'])).toBe(ok(['export']));
    });

    it('refuses a folder that does not exist (exit 1), before opening the log', () => {
      const file = path.join(sandbox.dir, 'missing', 'log.csv');
      const result = sandbox.run(['export', '-o', file]);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`rehab: Cannot write ${file}: the folder ${path.dirname(file)} does not exist. Create it first, or give -o a file in an existing folder.\n`);
      expect(readdirSync(sandbox.dir)).not.toContain('rehab.db');
    });

    it('refuses a path inside a file (exit 1)', () => {
      const notAFolder = path.join(sandbox.dir, 'notes.txt');
      writeFileSync(notAFolder, 'x');
      const result = sandbox.run(['export', '-o', path.join(notAFolder, 'log.csv')]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`${notAFolder} is a file, not a folder.`);
    });

    it('refuses a folder as the file (exit 2)', () => {
      usageFailure(['export', '-o', sandbox.dir], /-o .* is a folder\. Give -o a file name/);
    });

    it('refuses to export over the log itself (exit 2)', () => {
      sandbox.run(['next']);
      usageFailure(['export', '-o', sandbox.db], /-o .* is the rehab log itself; exporting over it would destroy it\. Give -o another file/);
      expect(ok(['export'])).toBe(`${HEADER}\r\n`);
    });

    it('interrupted (Ctrl-C), leaves neither the file nor a temporary file', async () => {
      bulkLog(100_000);
      const folder = path.join(sandbox.dir, 'out');
      mkdirSync(folder);
      const child = spawn(process.execPath, [BIN, 'export', '-o', path.join(folder, 'log.csv')], { env: { ...process.env, REHAB_DB: sandbox.db } });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      // Wait until the temporary file has its first chunk: the export is under way.
      const started = () => readdirSync(folder).some((name) => statSync(path.join(folder, name), { throwIfNoEntry: false })?.size);
      for (let waited = 0; !started() && waited < 10_000; waited += 2) await new Promise((r) => setTimeout(r, 2));
      expect(readdirSync(folder)[0]).toMatch(/^\.log\.csv\.[0-9a-f]+\.tmp$/);
      child.kill('SIGINT');
      expect(await exited).toBe(130);
      expect(readdirSync(folder)).toEqual([]);
    });

    it('names the file, not the log, when the system refuses to write it (nothing written)', () => {
      const error = outputFileError(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }), '/x/log.csv') as Error & { hint?: string };
      expect(error.message).toBe('Cannot write /x/log.csv: permission denied; nothing was written.');
      expect(error.hint).toBe('Check the folder and try again, or give -o another file.');
    });
  });

  describe('bad input: exit 2, one line, nothing written', () => {
    it.each<[string, string[], RegExp]>([
      ['an unknown exercise', ['export', '--exercise', 'sqat'], /No exercise is called "sqat"\. Did you mean Goblet squat/],
      ['--since after --until', ['export', '--since', '2026-03-05', '--until', '2026-03-01'], /--since 2026-03-05 is after --until 2026-03-01\. Give the earlier date to --since\./],
      ['--bom with JSON', ['export', '--format', 'json', '--bom'], /--bom is for CSV files, not json: a JSON file must not start with a byte order mark\. Drop --bom, or export with --format csv\./],
      ['an unknown format', ['export', '--format', 'xlsx'], /xlsx/],
      ['a date that is not understood', ['export', '--since', 'last tuesday'], /Date "last tuesday" is not understood/],
    ])('%s', (_rule, args, message) => {
      sandbox.run(['next']);
      usageFailure(args, message);
    });
  });
});

describe('rehab export -o into a special file', () => {
  it('writes into a device (like /dev/null) and a named pipe as they are, never renaming a file over them', () => {
    expect(sandbox.run(['log', 'squat', '20kg', '3x8', '--date', '2026-03-02']).code).toBe(0);
    // A null device of the test's own (as root, which CI is), so a regression cannot replace /dev/null.
    const device = path.join(sandbox.dir, 'null');
    const made = spawnSync('mknod', ['-m', '666', device, 'c', '1', '3']).status === 0;
    const target = made ? device : '/dev/null';
    expect(sandbox.run(['export', '-o', target]).code).toBe(0);
    expect(statSync(target).isCharacterDevice()).toBe(true);

    const fifo = path.join(sandbox.dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawnSync('bash', ['-c', `cat "${fifo}" & node "${BIN}" export -o "${fifo}"; wait`], {
      env: { ...process.env, REHAB_DB: sandbox.db },
      encoding: 'utf8',
    });
    expect(reader.status).toBe(0);
    expect(reader.stdout.split('\r\n')[0]).toBe(EXPORT_COLUMNS.join(','));
    expect(statSync(fifo).isFIFO()).toBe(true);
  });
});

describe('rehab export into a pipe that closes early', () => {
  it.each(['csv', 'json', 'jsonl'])('`rehab export --format %s | head -1` exits 0 with nothing on stderr', (format) => {
    bulkLog(20_000);
    const result = sandbox.runIntoHead(['export', '--format', format]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toEqual(format === 'csv' ? `${HEADER}\r\n` : format === 'json' ? '[\n' : expect.stringMatching(/^\{"id":"[^"]+".*\}\n$/));
  });
});
