// Several rehab processes on one log at once (SPEC §3: "WAL mode and a busy timeout, so several
// rehab processes at once all succeed"; issue 7). Each process is the built binary, started with
// spawn so that they really overlap.
import { chmodSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/db/migrations.js';
import { starterProgramme } from '../../src/domain/starter-programme.js';
import { settings } from '../db/fixtures.js';
import { makeSandbox, type Sandbox } from '../e2e/run-rehab.js';
import { integrityOf, query, runAsync, sandboxEnv } from './helpers.js';

let sandbox: Sandbox;
beforeEach(() => {
  sandbox = makeSandbox();
});
afterEach(() => sandbox.cleanup());

const PROCESSES = 20;
const LOGS_EACH = 25;

describe('concurrent rehab processes on one log', () => {
  it(`${PROCESSES} processes logging ${LOGS_EACH} sessions each at the same time all succeed, and every session is there once`, { timeout: 600_000 }, async () => {
    const env = sandboxEnv(sandbox.dir, sandbox.db);
    const failures: string[] = [];
    // Each worker runs its logs one after another; the workers run side by side, so at any moment
    // about PROCESSES rehab processes are opening, reading and writing the same file.
    const worker = async (p: number): Promise<void> => {
      for (let i = 0; i < LOGS_EACH; i++) {
        const result = await runAsync(['log', 'squat', '20kg', '3x5', '--date', '2026-01-05', '--note', `p${p} i${i}`], env);
        if (result.code !== 0) failures.push(`p${p} i${i}: exit ${result.code} ${result.stderr.trim()}`);
      }
    };
    await Promise.all(Array.from({ length: PROCESSES }, (_, p) => worker(p)));

    expect(failures).toEqual([]);
    expect(integrityOf(sandbox.db)).toBe('ok');
    const sessions = query(sandbox.db, (db) =>
      db
        .prepare(
          `SELECT note, session, count(*) AS sets, count(DISTINCT batch_id) AS batches
             FROM sets GROUP BY note, session ORDER BY session`,
        )
        .all(),
    ) as Array<{ note: string; session: number; sets: number; batches: number }>;
    // 500 sessions, each with its 3 sets in one batch, numbered 1…500 without a clash: the session
    // number is chosen inside each write transaction.
    expect(sessions).toHaveLength(PROCESSES * LOGS_EACH);
    expect(new Set(sessions.map((s) => s.note)).size).toBe(PROCESSES * LOGS_EACH);
    expect(sessions.map((s) => s.session)).toEqual(Array.from({ length: PROCESSES * LOGS_EACH }, (_, i) => i + 1));
    expect(sessions.every((s) => s.sets === 3 && s.batches === 1)).toBe(true);
  });

  it(`${PROCESSES} processes creating the same brand-new log (in a folder that does not exist yet) all succeed, and the log is set up once`, { timeout: 120_000 }, async () => {
    const file = path.join(sandbox.dir, 'new', 'folder', 'rehab.db');
    const env = sandboxEnv(sandbox.dir, file);
    const results = await Promise.all(
      Array.from({ length: PROCESSES }, (_, p) => runAsync(['log', 'bridge', 'bw', '3x10', '--date', '2026-01-05', '--note', `p${p}`], env)),
    );

    expect(results.filter((r) => r.code !== 0).map((r) => r.stderr)).toEqual([]);
    expect(results.filter((r) => r.stderr.includes('Started a new log'))).toHaveLength(1);
    expect(integrityOf(file)).toBe('ok');
    expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
    const counts = query(file, (db) => ({
      exercises: db.prepare('SELECT count(*) FROM exercises').pluck().get(),
      sessions: db.prepare('SELECT count(DISTINCT batch_id) FROM sets').pluck().get(),
      sets: db.prepare('SELECT count(*) FROM sets').pluck().get(),
      journal: db.pragma('journal_mode', { simple: true }),
    }));
    expect(counts).toMatchObject({ sessions: PROCESSES, sets: PROCESSES * 3, journal: 'wal' });
    // The starter programme, once (not once per process).
    expect(counts.exercises).toBe(starterProgramme('kg').length);
  });

  it(`${PROCESSES} processes opening a log of schema 1 at once all succeed: it is upgraded once, with one backup`, { timeout: 120_000 }, async () => {
    const db = new Database(sandbox.db);
    db.pragma('journal_mode = WAL');
    migrate(db, sandbox.db, MIGRATIONS.slice(0, 1));
    db.prepare("INSERT INTO meta (key, value) VALUES ('seeded_at', '2025-01-01T00:00:00.000Z'), ('units', 'kg')").run();
    db.prepare("INSERT INTO exercises (name, settings, archived, created_at) VALUES ('Goblet squat', ?, 0, '2025-01-01T00:00:00.000Z')").run(JSON.stringify(settings()));
    db.close();
    chmodSync(sandbox.db, 0o600);

    const env = sandboxEnv(sandbox.dir, sandbox.db);
    const results = await Promise.all(
      Array.from({ length: PROCESSES }, (_, p) => runAsync(['log', 'goblet squat', '20kg', '3x8', '--date', '2026-01-05', '--note', `p${p}`], env)),
    );
    expect(results.filter((r) => r.code !== 0).map((r) => r.stderr)).toEqual([]);
    expect(results.filter((r) => r.stderr.includes('Upgraded the log from schema version 1'))).toHaveLength(1);
    expect(readdirSync(sandbox.dir).filter((name) => name.startsWith('rehab.db.backup-v1-'))).toHaveLength(1);
    expect(integrityOf(sandbox.db)).toBe('ok');
    expect(query(sandbox.db, (log) => [log.pragma('user_version', { simple: true }), log.prepare('SELECT count(*) FROM sets').pluck().get()])).toEqual([
      LATEST_SCHEMA_VERSION,
      PROCESSES * 3,
    ]);
  });
});
