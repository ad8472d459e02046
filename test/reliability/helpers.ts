// Shared by the reliability tests: running the built binary without waiting for it, and looking
// at a log file from outside (integrity, contents) the way a user's next rehab would.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { BIN, type RunResult } from '../e2e/run-rehab.js';

/** The environment `makeSandbox` gives its runs, for processes started here. */
export function sandboxEnv(dir: string, db: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: dir, XDG_DATA_HOME: `${dir}/data`, REHAB_DB: db, TZ: process.env.TZ };
}

/** Starts the binary and resolves when it exits; `started` sees the process (to kill it). */
export function runAsync(args: string[], env: NodeJS.ProcessEnv, started?: (child: ChildProcess) => void): Promise<RunResult & { signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    started?.(child);
  });
}

/** `PRAGMA integrity_check` through a new connection (which also recovers a -wal left by a crash). */
export function integrityOf(file: string): string {
  const db = new Database(file, { fileMustExist: true });
  try {
    return (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((row) => row.integrity_check).join('; ');
  } finally {
    db.close();
  }
}

/** Runs `read` on a new connection to `file` and closes it. */
export function query<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** The bytes of the file and of its -wal, if any: what "nothing was written" compares. */
export function fileDigest(file: string): string {
  const hash = createHash('sha256');
  for (const suffix of ['', '-wal', '-journal']) {
    const part = `${file}${suffix}`;
    hash.update(`${suffix}:`);
    if (existsSync(part)) hash.update(readFileSync(part));
  }
  return hash.digest('hex');
}

/** A stderr that is one line, "rehab: …", with no stack trace. */
export function isOneCleanLine(stderr: string): boolean {
  const lines = stderr.replace(/\n$/, '').split('\n');
  return lines.length === 1 && lines[0]!.startsWith('rehab: ') && !/\n\s+at /.test(stderr) && !stderr.includes('internal error');
}
