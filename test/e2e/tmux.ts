// Runs the built binary under a real pseudo-terminal: a detached tmux session of a fixed size on
// its own server socket (-L), so tests never share a server with each other or with a user's
// tmux. Keys go in with send-keys, the screen comes back with capture-pane, and every wait polls
// the screen until the text shows or a generous timeout passes (a loaded 2-core machine can take
// seconds to start node), never a fixed sleep.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { BIN } from './run-rehab.js';

export const TMUX = '/usr/bin/tmux';

/** How long a wait for the screen lasts before the test fails. */
const WAIT_MS = 45_000;
const POLL_MS = 100;

export interface Terminal {
  /** Types text or presses keys, as tmux names them: 'Enter', 'C-c', 'BSpace', 'Down', 'Space'. */
  send(...keys: string[]): void;
  /** Types `text` literally (no key names). */
  type(text: string): void;
  /** The visible screen, plain text. */
  screen(): string;
  /** Waits until the screen matches, and returns it; fails with the screen when it does not in time. */
  waitFor(pattern: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Waits for rehab to exit and returns its exit code and the screen. */
  waitForExit(timeoutMs?: number): Promise<{ code: number; screen: string }>;
  kill(): void;
}

/**
 * Starts `rehab <args>` in a new 100×30 terminal, in `dir` with `env` (a whole environment: the
 * sandbox's, never the test runner's own TMUX and the like).
 */
export function startRehab(args: string[], options: { dir: string; env: NodeJS.ProcessEnv; width?: number; height?: number }): Terminal {
  const socket = `rehab-test-${process.pid}-${randomUUID().slice(0, 8)}`;
  const config = path.join(options.dir, 'tmux.conf');
  // remain-on-exit keeps the pane, so the screen can be read after rehab ends; no status line.
  writeFileSync(config, 'set -g remain-on-exit on\nset -g status off\nset -g history-limit 2000\n');
  // TMUX_TMPDIR puts the -L socket in the test's own folder, removed with it.
  const env: NodeJS.ProcessEnv = { ...options.env, TMUX_TMPDIR: options.dir, TERM: 'xterm-256color', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
  const tmux = (...tmuxArgs: string[]): string => execFileSync(TMUX, ['-L', socket, ...tmuxArgs], { env, encoding: 'utf8', cwd: options.dir });
  // The exit code is printed after rehab ends: tmux's own pane status is not always collected.
  const command = `${[process.execPath, BIN, ...args].map(shellQuote).join(' ')}; echo "[rehab exited $?]"`;
  tmux('-f', config, 'new-session', '-d', '-s', 'rehab', '-x', String(options.width ?? 100), '-y', String(options.height ?? 30), command);

  const screen = () => tmux('capture-pane', '-p', '-t', 'rehab');
  const poll = async <T>(check: () => T | undefined, timeoutMs: number, what: () => string): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = check();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what()}. The screen:\n${screen()}`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };

  return {
    send: (...keys) => void tmux('send-keys', '-t', 'rehab', ...keys),
    type: (text) => void tmux('send-keys', '-t', 'rehab', '-l', text),
    screen,
    waitFor: (pattern, timeoutMs = WAIT_MS) =>
      poll(
        () => {
          const text = screen();
          return (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text)) ? text : undefined;
        },
        timeoutMs,
        () => String(pattern),
      ),
    waitForExit: (timeoutMs = WAIT_MS) =>
      poll(
        () => {
          const text = screen();
          const exited = /\[rehab exited (\d+)\]/.exec(text);
          return exited ? { code: Number(exited[1]), screen: text } : undefined;
        },
        timeoutMs,
        () => 'rehab to exit',
      ),
    kill: () => {
      spawnSync(TMUX, ['-L', socket, 'kill-server'], { env, stdio: 'ignore' });
    },
  };
}

function shellQuote(word: string): string {
  return /^[\w./=:-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
