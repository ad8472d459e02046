// Errors people can act on (issue 7): a log locked past the busy timeout, a full disk, and the
// failures of writing a backup, each one line that says what to do, with nothing half-written.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupFileError } from '../../src/commands/db-backup.js';
import type { RunContext } from '../../src/commands/context.js';
import { withLog } from '../../src/commands/open-log.js';
import { translateDatabaseError } from '../../src/db/open-database.js';
import { RehabError } from '../../src/errors.js';
import { createStyle } from '../../src/io/style.js';
import { BIN, makeSandbox, type Sandbox } from '../e2e/run-rehab.js';
import { fileDigest, integrityOf, isOneCleanLine, query } from './helpers.js';

let sandbox: Sandbox;
beforeEach(() => {
  sandbox = makeSandbox();
  expect(sandbox.run(['log', 'squat', '20kg', '3x8', '--date', '2026-01-05']).code).toBe(0);
});
afterEach(() => sandbox.cleanup());

function timed(args: string[]): { code: number | null; stderr: string; seconds: number } {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [BIN, '--db', sandbox.db, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: sandbox.dir } });
  return { code: result.status, stderr: result.stderr, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

describe('a log another program keeps locked', () => {
  it('reading goes on (WAL) and writing waits 5 seconds, then says the log is busy and what to do; nothing is written', { timeout: 60_000 }, () => {
    const holder = new Database(sandbox.db);
    try {
      // Another program in the middle of a long write: it holds the write lock.
      holder.prepare('BEGIN IMMEDIATE').run();
      holder.prepare("INSERT INTO meta (key, value) VALUES ('holder', 'uncommitted')").run();
      const digest = fileDigest(sandbox.db);

      const next = timed(['next']);
      expect(next.code, next.stderr).toBe(0);
      expect(next.seconds).toBeLessThan(4);

      const log = timed(['log', 'squat', '20kg', '3x8']);
      expect(log.code).toBe(1);
      expect(log.seconds).toBeGreaterThanOrEqual(4.5);
      expect(isOneCleanLine(log.stderr), log.stderr).toBe(true);
      expect(log.stderr).toMatch(/rehab\.db is busy: another program kept it locked for more than 5 seconds\. Try again in a moment; if it keeps happening, close other programs that have the file open\.\n$/);
      expect(fileDigest(sandbox.db)).toBe(digest);
    } finally {
      holder.prepare('ROLLBACK').run();
      holder.close();
    }
    expect(query(sandbox.db, (db) => db.prepare('SELECT count(*) FROM sets').pluck().get())).toBe(3);
  });

  it('a log not set up yet, locked while rehab would put the starter programme in: the same busy message, not a crash', { timeout: 60_000 }, () => {
    query(sandbox.db, (db) => db.prepare("DELETE FROM meta WHERE key = 'seeded_at'").run());
    const holder = new Database(sandbox.db);
    try {
      holder.prepare('BEGIN IMMEDIATE').run();
      const next = timed(['next']);
      expect(next.code).toBe(1);
      expect(isOneCleanLine(next.stderr), next.stderr).toBe(true);
      expect(next.stderr).toMatch(/rehab\.db is busy: another program kept it locked for more than 5 seconds\./);
    } finally {
      holder.prepare('ROLLBACK').run();
      holder.close();
    }
  });
});

function contextFor(dbPath: string): RunContext {
  return { dbPath, displayUnits: undefined, today: '2026-01-06', now: '2026-01-06T08:00:00.000Z', style: createStyle(false), stdinIsTTY: false };
}

/** The connection behind a RehabLog, to limit its size the way a full disk would. */
class Connection {
  constructor(readonly db: Database.Database) {}
}

describe('a full disk', () => {
  it('SQLITE_FULL while logging (simulated with PRAGMA max_page_count) becomes "the disk is full; free some space", and nothing of the session is stored', async () => {
    const before = query(sandbox.db, (db) => db.prepare('SELECT count(*) FROM sets').pluck().get());
    let caught: unknown;
    try {
      await withLog(contextFor(sandbox.db), (log) => {
        const { db } = log.repository(Connection);
        // No page beyond those the file has: the next write that needs one fails as on a full disk.
        db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
        const squat = log.exercises.findByNameOrAlias('squat')!;
        const big = { reps: 8, seconds: null, load: { kind: 'external' as const, value: 20, unit: 'kg' as const }, rpe: null, pain: null, note: 'x'.repeat(20_000) };
        log.sets.logSession({ exerciseId: squat.id, date: '2026-01-06', sets: [big, big, big, big, big], source: 'typed', summary: 'test', now: '2026-01-06T08:00:00.000Z' });
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RehabError);
    const error = caught as RehabError;
    expect(error.code).toBe('runtime');
    expect((error.cause as { code?: string }).code).toMatch(/^SQLITE_FULL/);
    expect(`${error.message} ${error.hint}`).toMatch(/^The disk holding .*rehab\.db is full\. Free some space and try again; what was being written was not saved, and nothing else was lost\.$/);
    // The transaction was rolled back whole: no batch, no set.
    expect(query(sandbox.db, (db) => db.prepare('SELECT count(*) FROM sets').pluck().get())).toBe(before);
    expect(query(sandbox.db, (db) => db.prepare('SELECT count(*) FROM batches').pluck().get())).toBe(1);
    expect(integrityOf(sandbox.db)).toBe('ok');
  });

  it.each([
    ['ENOSPC', /^The disk holding \/data\/rehab\.db is full\. Free some space and try again\.$/],
    ['EDQUOT', /^Your disk quota is used up, so rehab cannot write \/data\/rehab\.db\. Free some space/],
    ['SQLITE_FULL', /^The disk holding \/data\/rehab\.db is full\./],
    ['SQLITE_IOERR_WRITE', /^Reading or writing \/data\/rehab\.db failed \(an I\/O error\)\. Check the disk/],
    ['EROFS', /^Cannot use \/data\/rehab\.db: it is on a read-only file system\. Pass a file on a writable disk/],
    ['EPERM', /^Cannot use \/data\/rehab\.db: permission denied\. Check the permissions/],
    ['SQLITE_READONLY', /^\/data\/rehab\.db is read-only, so rehab cannot write to it\. Check the permissions/],
    ['SQLITE_CANTOPEN', /^Cannot open \/data\/rehab\.db\. Check that its folder exists and that you may read and write there/],
    ['SQLITE_BUSY', /^\/data\/rehab\.db is busy: .* Try again in a moment/],
  ])('%s on the log is one line that says what to do', (code, message) => {
    const translated = translateDatabaseError(Object.assign(new Error('raw'), { code }), '/data/rehab.db') as RehabError;
    expect(translated).toBeInstanceOf(RehabError);
    const line = `${translated.message} ${translated.hint}`;
    expect(line).toMatch(message);
    expect(line).not.toContain('\n');
  });
});

describe('writing a backup fails', () => {
  it.each([
    ['ENOSPC', /^Cannot write the backup \/backups\/copy\.db: the disk is full; nothing was written and the log is unchanged\./],
    ['SQLITE_FULL', /^Cannot write the backup \/backups\/copy\.db: the disk is full;/],
    ['EDQUOT', /^Cannot write the backup \/backups\/copy\.db: the disk quota is used up;/],
    ['EACCES', /^Cannot write the backup \/backups\/copy\.db: permission denied;/],
    ['SQLITE_CANTOPEN', /^Cannot write the backup \/backups\/copy\.db: permission denied;/],
    ['EROFS', /^Cannot write the backup \/backups\/copy\.db: it is on a read-only file system;/],
    // Damage and locks are the log's, not the backup's.
    ['SQLITE_CORRUPT', /^\/data\/rehab\.db is damaged/],
    ['SQLITE_BUSY', /^\/data\/rehab\.db is busy/],
  ])('%s names the right file and says what to do', (code, message) => {
    const translated = backupFileError(Object.assign(new Error('raw'), { code }), '/backups/copy.db', '/data/rehab.db') as RehabError;
    expect(translated).toBeInstanceOf(RehabError);
    expect(translated.message).toMatch(message);
    expect(`${translated.message} ${translated.hint}`).not.toContain('\n');
  });

  it('into a folder rehab may not write to, for real: permission denied, and no file left behind', () => {
    const folder = path.join(sandbox.dir, 'locked');
    spawnSync('mkdir', [folder]);
    const immutable = spawnSync('chattr', ['+i', folder]);
    try {
      const result = sandbox.run(['db', 'backup', path.join(folder, 'copy.db')]);
      if (immutable.status !== 0) return; // no chattr here: the translation is covered above
      expect(result.code).toBe(1);
      expect(isOneCleanLine(result.stderr), result.stderr).toBe(true);
      expect(result.stderr).toMatch(/Cannot write the backup .*locked\/copy\.db: permission denied; nothing was written and the log is unchanged\./);
    } finally {
      spawnSync('chattr', ['-i', folder]);
    }
    expect(spawnSync('ls', ['-A', folder], { encoding: 'utf8' }).stdout).toBe('');
  });
});
