// A long log, run as a user would: `rehab history` of all of it, as text, JSON and CSV, and
// `rehab undo` of an import of as many sets; both printed as read, and a reader that stops early
// (`| head -1`) ending them quietly.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSandbox, type Sandbox } from './run-rehab.js';

let sandbox: Sandbox;
beforeEach(() => {
  sandbox = makeSandbox();
});
afterEach(() => sandbox.cleanup());

function history(format: string) {
  return sandbox.run(['history', '--format', format]);
}

/**
 * A log of `days` days, each with two sessions of one set of goblet squat, all of one import,
 * made by SQLite: more
 * sessions than a JavaScript call takes arguments (about 120,000), which is where a history built
 * as one list once failed (`Math.max(...names)`).
 */
function longLog(days: number): { dates: number; sessions: number; newest: string; oldest: string } {
  expect(sandbox.run(['next']).code).toBe(0);
  const db = new Database(sandbox.db);
  try {
    db.exec("INSERT INTO batches (kind, summary, created_at) VALUES ('import', 'test', '2026-11-01T00:00:00Z')");
    db.prepare(
      `INSERT INTO sets (uid, batch_id, exercise_id, date, session, set_number, reps, load_kind, load_value, load_unit, source, created_at)
       WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < @count - 1)
       SELECT 'uid-' || i, (SELECT max(id) FROM batches), (SELECT id FROM exercises WHERE name = 'Goblet squat'),
              date('2026-11-01', '-' || (i / 2) || ' days'), 1 + i % 2, 1, 8 + i % 5, 'external', 20 + i % 7, 'kg', 'typed', '2026-11-01T00:00:00Z'
         FROM n`,
    ).run({ count: 2 * days });
    return db
      .prepare('SELECT count(DISTINCT date) AS dates, count(*) AS sessions, max(date) AS newest, min(date) AS oldest FROM sets')
      .get() as { dates: number; sessions: number; newest: string; oldest: string };
  } finally {
    db.close();
  }
}

describe('rehab history of a long log', () => {
  it('prints every day and every session, as text, JSON and CSV', () => {
    const log = longLog(75_000);
    expect(log.sessions).toBe(150_000);

    const text = history('text');
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    expect(text.stdout.endsWith('\n')).toBe(true);
    const lines = text.stdout.slice(0, -1).split('\n');
    // A date line, its sessions, a blank line between days.
    expect(lines.filter((line) => line.startsWith('  Goblet squat'))).toHaveLength(log.sessions);
    expect(lines.filter((line) => line === '')).toHaveLength(log.dates - 1);
    expect(lines.filter((line) => /^[A-Z][a-z]{2} \d/.test(line))).toHaveLength(log.dates);

    const json = history('json');
    expect(json.code).toBe(0);
    const entries = JSON.parse(json.stdout) as Array<{ date: string; sets: unknown[] }>;
    expect(entries).toHaveLength(log.sessions);
    expect([entries[0]?.date, entries.at(-1)?.date]).toEqual([log.newest, log.oldest]);

    const csv = history('csv');
    expect(csv.code).toBe(0);
    // The header row and a row per set (one set a session here).
    expect(csv.stdout.split('\r\n')).toHaveLength(1 + log.sessions + 1);
  });

  it.each(['text', 'json', 'csv'])('`rehab history --format %s | head -1` exits 0 with nothing on stderr', (format) => {
    longLog(10_000);
    const result = sandbox.runIntoHead(['history', '--format', format]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // The newest day, 1 Nov 2026 (with how long ago it was, or its year once it is not this year's).
    const first = { json: /^\[\n$/, csv: /^date,exercise,.*,source\r\n$/, text: /^Sun 1 Nov( 2026)?( \([^)]+\))?\n$/ }[format];
    expect(result.stdout).toMatch(first as RegExp);
  });
});

describe('rehab undo of a large import', () => {
  it('removes every set and says which, one line each, in a heap far smaller than the list', () => {
    const log = longLog(75_000);
    // 64 MB of heap: the 150,000 sets held in memory at once take several times that.
    const undo = sandbox.run(['undo'], { env: { NODE_OPTIONS: '--max-old-space-size=64' } });
    expect(undo.stderr).toBe('');
    expect(undo.code).toBe(0);
    const lines = undo.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual(['Undid the last import: test.', `Removed ${log.sessions} sets:`]);
    expect(lines.at(-1)).toBe('');
    const setLines = lines.slice(2, -1);
    expect(setLines).toHaveLength(log.sessions);
    // In the order they were stored: uid-0 (the newest day's first session) first.
    expect(setLines[0]).toMatch(/^ {2}Sun 1 Nov( 2026)?( \([^)]+\))? {2}Goblet squat {2}set 1 {2}20 kg × 8 {2}\(id \d+, uid uid-0\)$/);
    expect(setLines.at(-1)).toMatch(new RegExp(`\\(id \\d+, uid uid-${log.sessions - 1}\\)$`));
    expect(sandbox.run(['history']).stdout).toMatch(/^Nothing logged yet/);
  });

  it('`rehab undo | head -1` exits 0, and the import is undone all the same', () => {
    longLog(10_000);
    const result = sandbox.runIntoHead(['undo']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Undid the last import: test.\n');
    const db = new Database(sandbox.db, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM sets').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
