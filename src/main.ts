// The entry point and the one exit point: every command's output and every error passes here.
import { CommanderError } from 'commander';
import { buildProgram } from './cli/program.js';
import { usageHint } from './cli/usage-hints.js';
import type { CommandOutput } from './commands/output.js';
import { RehabError } from './errors.js';
import { STDERR, STDOUT, writeAll } from './io/write-all.js';

/** Runs rehab with the given arguments (without `node` and the script) and returns the exit code. */
export async function main(args: string[]): Promise<number> {
  const debug = args.includes('--debug');
  const outputs: CommandOutput[] = [];
  const program = buildProgram({ now: new Date(), deliver: (output) => outputs.push(output) }, args);
  try {
    await program.parseAsync(args, { from: 'user' });
    for (const output of outputs) await write(output);
    return 0;
  } catch (error) {
    return report(error, debug, (refused) => usageHint(program, args, refused));
  }
}

async function write(output: CommandOutput): Promise<void> {
  if (output.stderr) writeAll(STDERR, ensureNewline(output.stderr));
  if (output.stdout) writeAll(STDOUT, ensureNewline(output.stdout));
  if (output.pieces) for (const piece of output.pieces) writeAll(STDOUT, piece);
  if (output.stream) {
    // A reader that closes the pipe early (`rehab export | head -1`) is not an error.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
    await output.stream(process.stdout);
  }
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

/**
 * Writes an error as one line on stderr and returns its exit code. `hint` says what to do about a
 * command line commander refused.
 */
function report(error: unknown, debug: boolean, hint: (refused: CommanderError) => string): number {
  if (error instanceof CommanderError) {
    // --help and --version arrive here as "errors" with exit code 0.
    if (error.exitCode === 0) return 0;
    writeAll(STDERR, `rehab: ${oneLine(tidyCommanderMessage(error.message) + hint(error))}\n`);
    return 2;
  }
  if (isPromptCancel(error)) {
    writeAll(STDERR, 'rehab: cancelled; nothing was written.\n');
    return 130;
  }
  if (RehabError.is(error)) {
    const line = error.hint ? `${error.message} ${error.hint}` : error.message;
    writeAll(STDERR, `rehab: ${oneLine(line)}\n`);
    for (const detail of error.details) writeAll(STDERR, `  ${oneLine(detail)}\n`);
    if (debug && error.cause) writeAll(STDERR, `${describeStack(error.cause)}\n`);
    return error.exitCode;
  }
  const what = String((error as Error)?.message ?? error);
  writeAll(STDERR, `rehab: internal error: ${oneLine(what)} (this is a bug in rehab; run again with --debug for details)\n`);
  if (debug) writeAll(STDERR, `${describeStack(error)}\n`);
  return 1;
}

/**
 * Keeps a message on its one line whatever input it quotes: a line break, a tab or a terminal
 * escape typed into a name or a file shows as \n, \t or \u001b instead of acting.
 */
function oneLine(text: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function describeStack(error: unknown): string {
  return error instanceof Error && error.stack ? error.stack : String(error);
}

/** Commander says `error: unknown command 'nxt'\n(Did you mean next?)`; we print one line. */
function tidyCommanderMessage(message: string): string {
  return message
    .replace(/^error:\s*/i, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ');
}

/** @inquirer/prompts throws ExitPromptError on Ctrl-C: a cancel, not an error. */
function isPromptCancel(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
