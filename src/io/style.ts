import { Chalk } from 'chalk';
import type { Action } from '../domain/types.js';

/** Colour that means something: green progresses, yellow holds, red steps back. */
export interface Style {
  action(action: Action, text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

/**
 * Colour only on a terminal: `--no-color` and `NO_COLOR` turn it off, `FORCE_COLOR` (other
 * than 0) turns it on even in a pipe.
 */
export function wantsColour(options: { color: boolean }, env: NodeJS.ProcessEnv, stdoutIsTTY: boolean): boolean {
  if (!options.color) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stdoutIsTTY;
}

export function createStyle(colour: boolean): Style {
  const chalk = new Chalk({ level: colour ? 1 : 0 });
  const byAction: Record<Action, (text: string) => string> = {
    start: chalk.cyan,
    progress: chalk.green,
    hold: chalk.yellow,
    resume: chalk.magenta,
    deload: chalk.red,
    regress: chalk.red,
  };
  return {
    action: (action, text) => byAction[action](text),
    bold: chalk.bold,
    dim: chalk.dim,
  };
}
