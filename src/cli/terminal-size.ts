// Whether stdout is a terminal and how wide the output may be: resolved once, here at the edge,
// from stdout and the environment.
import { fstatSync, statSync } from 'node:fs';

/**
 * The part of process.stdout the output depends on, asked without making process.stdout when
 * stdout is plainly no terminal: Node builds a stream for it on first use, 2–6 ms of every start
 * (the stream library, and a socket for a pipe). A pipe, a file or /dev/null is answered from
 * fstat; only another character device (a terminal, or something unusual) is left to Node.
 */
export function stdoutTerminal(): { isTTY?: boolean; columns?: number } {
  try {
    const stdout = fstatSync(1);
    if (!stdout.isCharacterDevice() || stdout.rdev === statSync('/dev/null').rdev) return { isTTY: false };
  } catch {
    // No stdout or no /dev/null (Windows): Node's own answer.
  }
  return process.stdout;
}

/** The terminal's width when stdout is a terminal; undefined in a pipe (nothing is fitted there). */
export function terminalColumns(stdout: { isTTY?: boolean; columns?: number }): number | undefined {
  return stdout.isTTY && typeof stdout.columns === 'number' && stdout.columns > 0 ? stdout.columns : undefined;
}

/** The width a chart is drawn to: the terminal's, else $COLUMNS (as shells set it), else none (80 is the default). */
export function chartColumns(stdout: { isTTY?: boolean; columns?: number }, env: NodeJS.ProcessEnv): number | undefined {
  const fromTerminal = terminalColumns(stdout);
  if (fromTerminal !== undefined) return fromTerminal;
  const fromEnv = Number(env.COLUMNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : undefined;
}
