// The root command and its global options. Each command's wiring is in its own module here, and
// each action loads its handler lazily, so `rehab --help` never loads SQLite, zod or the prompts.
import { Command, Option } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import type { CommandOutput } from '../commands/output.js';
import type { RunContext } from '../commands/context.js';
import { isoDay } from '../io/format.js';
import { createStyle, wantsColour } from '../io/style.js';
import { STDERR, STDOUT, writeAll } from '../io/write-all.js';
import type { Unit } from '../domain/types.js';
import { resolveDbPath } from './db-path.js';
import { chartColumns, stdoutTerminal, terminalColumns } from './terminal-size.js';
import { registerBodyweight } from './bodyweight.js';
import { registerCompletion } from './completion.js';
import { registerDb } from './db.js';
import { registerDefaultCommand } from './default-command.js';
import { registerDelete } from './delete.js';
import { registerEdit } from './edit.js';
import { registerExport } from './export.js';
import { registerExercise } from './exercise.js';
import { registerHistory } from './history.js';
import { registerImport } from './import.js';
import { registerInit } from './init.js';
import { registerLog } from './log.js';
import { registerMilestones } from './milestones.js';
import { registerNext } from './next.js';
import { registerPain } from './pain.js';
import { registerPlan } from './plan.js';
import { registerProgress } from './progress.js';
import { registerUndo } from './undo.js';
import type { Wiring } from './wiring.js';

interface GlobalOptions {
  db?: string;
  units?: Unit;
  color: boolean;
  debug?: boolean;
}

export interface ProgramEnvironment {
  now: Date;
  deliver: (output: CommandOutput) => void;
}

type Register = (program: Command, wiring: Wiring) => void;

/** The commands, in the order `rehab --help` lists them, by the names that run them. */
const COMMANDS: ReadonlyArray<[name: string, register: Register]> = [
  ['log', registerLog],
  ['next', registerNext],
  ['history', registerHistory],
  ['export', registerExport],
  ['import', registerImport],
  ['exercise', registerExercise],
  ['plan', registerPlan],
  ['pain', registerPain],
  ['bodyweight', registerBodyweight],
  ['milestones', registerMilestones],
  ['undo', registerUndo],
  ['edit', registerEdit],
  ['delete', registerDelete],
  ['init', registerInit],
  ['db', registerDb],
  ['progress', registerProgress],
  // Completion describes the whole tree, so it is never declared alone (see `commandsToDeclare`).
  ['completion', registerCompletion],
];

/**
 * Builds the program. Given the arguments it will parse, it declares only the command they run
 * (declaring all of them is a few milliseconds of every start); without them, or when they name
 * no command (`rehab`, `rehab --help`, `rehab help log`, a typo, completion), it declares all.
 */
export function buildProgram({ now, deliver }: ProgramEnvironment, args?: readonly string[]): Command {
  const today = isoDay(now);
  const program = new Command('rehab');

  const contextFrom = (command: Command): RunContext => {
    const globals = command.optsWithGlobals<GlobalOptions>();
    const stdout = stdoutTerminal();
    return {
      dbPath: resolveDbPath(globals.db, process.env),
      displayUnits: globals.units,
      today,
      now: now.toISOString(),
      style: createStyle(wantsColour(globals, process.env, Boolean(stdout.isTTY))),
      // Asked only by a handler about to prompt: process.stdin sets up a stream, a few ms.
      get stdinIsTTY() {
        return Boolean(process.stdin.isTTY);
      },
      terminalColumns: terminalColumns(stdout),
      chartColumns: chartColumns(stdout, process.env),
    };
  };

  program
    .description('A progression tracker for strength rehabilitation: log what you lifted, ask what to lift next and why.')
    .version(packageJson.version, '-V, --version', 'print the version')
    .option('--db <path>', 'the log file (default: $REHAB_DB, else the platform data folder)')
    .addOption(new Option('--units <unit>', 'show loads in kg or lb (stored loads never change)').choices(['kg', 'lb']))
    .option('--no-color', 'no colour (NO_COLOR and FORCE_COLOR are honoured too)')
    .option('--debug', 'print stack traces on errors')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError()
    .exitOverride()
    // main() prints every error in one format; commander only throws. Help is written as main writes.
    .configureOutput({
      outputError: () => {},
      writeOut: (text) => writeAll(STDOUT, text),
      writeErr: (text) => writeAll(STDERR, text),
      // Commander would ask process.stdout itself, which costs a stream (see stdoutTerminal).
      // Commander wraps at 80 off a terminal. The help is plain text: no colour to keep.
      getOutHelpWidth: () => terminalColumns(stdoutTerminal()) ?? 80,
      getOutHasColors: () => false,
    })
    .addHelpText(
      'after',
      `
Examples:
  $ rehab log squat 25kg 3x10      record today's goblet squats
  $ rehab next                     what to lift next session, and why
  $ rehab history --limit 10       the last ten sessions

rehab is not medical advice. See the README for the red flags that mean: stop and see a clinician.`,
    );

  const wiring: Wiring = { today, contextFrom, deliver };
  for (const register of commandsToDeclare(program, args)) register(program, wiring);
  registerDefaultCommand(program, wiring);

  return program;
}

/** The one command `args` run, when they run one that can be declared alone; else every command. */
function commandsToDeclare(program: Command, args: readonly string[] | undefined): Register[] {
  const named = args === undefined ? undefined : commandWord(program, args);
  const alone = COMMANDS.find(([name]) => name === named && name !== 'completion');
  return alone ? [alone[1]] : COMMANDS.map(([, register]) => register);
}

/** The first word of `args` that is not a global option or an option's value: the command's name. */
function commandWord(program: Command, args: readonly string[]): string | undefined {
  const takesValue = new Set(program.options.filter((option) => option.required || option.optional).flatMap((option) => [option.long, option.short]));
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    if (takesValue.has(arg)) index += 1;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}
