// Runs the built binary as a user would, on a database in a fresh temp folder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/rehab.js', import.meta.url));

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface Sandbox {
  dir: string;
  db: string;
  /** The binary's whole output, however long. */
  run(args: string[], options?: { env?: NodeJS.ProcessEnv; input?: string }): RunResult;
  /** `rehab <args> | head -1` in bash with pipefail: a reader that stops after one line. */
  runIntoHead(args: string[]): RunResult;
  cleanup(): void;
}

/** A temp folder with its own HOME and data folder, so nothing touches the real user's log. */
export function makeSandbox(): Sandbox {
  const dir = mkdtempSync(path.join(tmpdir(), 'rehab-e2e-'));
  const db = path.join(dir, 'rehab.db');
  const baseEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    XDG_DATA_HOME: path.join(dir, 'data'),
    REHAB_DB: db,
    TZ: process.env.TZ,
  };
  return {
    dir,
    db,
    run(args, options = {}) {
      const result = spawnSync(process.execPath, [BIN, ...args], {
        env: { ...baseEnv, ...options.env },
        input: options.input ?? '',
        encoding: 'utf8',
        // spawnSync keeps 1 MB by default; a long log prints hundreds.
        maxBuffer: 512 * 1024 * 1024,
      });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    },
    runIntoHead(args) {
      const command = [process.execPath, BIN, ...args].map((word) => `'${word.replaceAll("'", "'\\''")}'`).join(' ');
      const result = spawnSync('bash', ['-c', `set -o pipefail; ${command} | head -1`], { env: baseEnv, input: '', encoding: 'utf8' });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
