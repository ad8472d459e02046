// What people type is kept exactly, whatever it contains, and what rehab writes is theirs alone
// (issue 7; SPEC §3: "The file is created with owner-only permissions").
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, makeSandbox, type Sandbox } from '../e2e/run-rehab.js';
import { integrityOf, query, sandboxEnv } from './helpers.js';

let sandbox: Sandbox;
beforeEach(() => {
  sandbox = makeSandbox();
});
afterEach(() => sandbox.cleanup());

function ok(args: string[]): string {
  const result = sandbox.run(args);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

describe('names and notes with SQL and shell metacharacters are stored and shown verbatim', () => {
  it('history (text and JSON) and export (JSON, JSONL, CSV) show them exactly as typed; nothing is run', () => {
    const pwned = path.join(sandbox.dir, 'pwned');
    const entries = [
      { name: "'; DROP TABLE sets; --", note: "Robert'); DROP TABLE exercises;--" },
      { name: '$(rm -rf ~)', note: `$(touch ${pwned}) and \`touch ${pwned}\`` },
      { name: '`whoami` & echo $HOME', note: 'line one\nline two\twith a tab; "double" and \'single\' quotes' },
      { name: 'Über-squat 🏋️‍♀️ "x"', note: 'emoji 💪🏽 and ZWJ 👩‍👩‍👧, right-to-left שלום, NUL-free %s %d {0} \\n' },
    ];
    for (const { name, note } of entries) ok(['log', name, '20kg', '3x8', '--new', '--note', note, '--date', '2026-01-05']);

    const history = JSON.parse(ok(['history', '--format', 'json'])) as Array<{ exercise: string; sets: Array<{ note: string }> }>;
    for (const { name, note } of entries) {
      const session = history.find((entry) => entry.exercise === name);
      expect(session, name).toBeDefined();
      expect(session!.sets.map((set) => set.note)).toEqual([note, note, note]);
    }
    const text = ok(['history']);
    for (const { name, note } of entries) {
      expect(text).toContain(name);
      expect(text).toContain(note);
    }

    for (const format of ['json', 'jsonl']) {
      const output = ok(['export', '--format', format]);
      const rows = (format === 'json' ? JSON.parse(output) : output.trim().split('\n').map((line) => JSON.parse(line))) as Array<{ exercise: string; note: string }>;
      expect(new Set(rows.map((row) => JSON.stringify([row.exercise, row.note])))).toEqual(new Set(entries.map(({ name, note }) => JSON.stringify([name, note]))));
      expect(rows).toHaveLength(entries.length * 3);
    }
    const csv = parse(ok(['export', '--format', 'csv']), { columns: true }) as Array<{ exercise: string; note: string }>;
    expect(new Set(csv.map((row) => JSON.stringify([row.exercise, row.note])))).toEqual(new Set(entries.map(({ name, note }) => JSON.stringify([name, note]))));

    expect(existsSync(pwned)).toBe(false);
    expect(integrityOf(sandbox.db)).toBe('ok');
    expect(query(sandbox.db, (db) => db.prepare("SELECT count(*) FROM sqlite_schema WHERE name IN ('sets', 'exercises')").pluck().get())).toBe(2);
  });
});

/** Runs the binary under `umask 000`, so only rehab's own choice of modes can keep files private. */
function runWithOpenUmask(args: string[]): { code: number | null; stderr: string; stdout: string } {
  const command = ['umask 000', `exec "${process.execPath}" "${BIN}" ${args.map((arg) => `'${arg}'`).join(' ')}`].join('; ');
  const result = spawnSync('sh', ['-c', command], { env: sandboxEnv(sandbox.dir, sandbox.db), encoding: 'utf8' });
  return { code: result.status, stderr: result.stderr, stdout: result.stdout };
}

function mode(file: string): string {
  return (statSync(file).mode & 0o777).toString(8);
}

describe('what rehab writes is readable by its owner alone, even under umask 000', () => {
  it('the log, its folder, a backup from `rehab db backup`, and the -wal and -shm files a running rehab has open', async () => {
    const file = path.join(sandbox.dir, 'data', 'rehab', 'rehab.db');
    const env = { ...sandboxEnv(sandbox.dir, file) };
    const created = spawnSync('sh', ['-c', `umask 000; exec "${process.execPath}" "${BIN}" log squat 20kg 3x8`], { env, encoding: 'utf8' });
    expect(created.status, created.stderr).toBe(0);
    expect(mode(file)).toBe('600');
    expect(mode(path.dirname(file))).toBe('700');

    const backup = spawnSync('sh', ['-c', `umask 000; exec "${process.execPath}" "${BIN}" db backup`], { env, encoding: 'utf8' });
    expect(backup.status, backup.stderr).toBe(0);
    expect(mode(backup.stdout.trim())).toBe('600');

    // A large import killed while it writes leaves its -wal and -shm behind, as rehab made them.
    const lines = ['Workout #,Date,Workout Name,Duration (sec),Exercise Name,Set Order,Weight (kg),Reps,RPE,Distance (meters),Seconds,Notes,Workout Notes'];
    for (let i = 0; i < 30_000; i++) lines.push(`${Math.floor(i / 10) + 1},2024-05-02 17:00:00,Legs,3600,Squat (Barbell),${(i % 10) + 1},${20 + (i % 9)},8,,0,0,,`);
    const csv = path.join(sandbox.dir, 'big.csv');
    writeFileSync(csv, `${lines.join('\n')}\n`);
    const child = spawn('sh', ['-c', `umask 000; exec "${process.execPath}" "${BIN}" import "${csv}"`], { env, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    for (let waited = 0; waited < 30_000; waited += 5) {
      if (existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    child.kill('SIGKILL');
    await exited;
    expect(readdirSync(path.dirname(file))).toEqual(expect.arrayContaining(['rehab.db-wal', 'rehab.db-shm']));
    expect(mode(`${file}-wal`)).toBe('600');
    expect(mode(`${file}-shm`)).toBe('600');
    expect(integrityOf(file)).toBe('ok');
  });

  it('a backup replacing an older one is owner-only too, whatever the older one allowed', () => {
    ok(['log', 'squat', '20kg', '3x8']);
    const target = path.join(sandbox.dir, 'copy.db');
    const first = runWithOpenUmask(['db', 'backup', target]);
    expect(first.code, first.stderr).toBe(0);
    spawnSync('chmod', ['666', target]);
    const second = runWithOpenUmask(['db', 'backup', target]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toBe(`${target}\n`);
    expect(mode(target)).toBe('600');
  });
});
