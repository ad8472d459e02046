// How wide the output may be: resolved once, here at the edge, from stdout and the environment.

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
