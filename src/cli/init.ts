import type { Command } from 'commander';
import type { Unit } from '../domain/types.js';
import { usageError } from '../errors.js';
import type { Wiring } from './wiring.js';

/** Collects a repeatable option's values in order. */
const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** One `--start "rdl=12kg"`: the exercise and the load as typed (read later, in the log's units). */
export function startParser(text: string, previous: Array<{ exercise: string; load: string }> = []) {
  // The last `=` splits: a load never holds one.
  const at = text.lastIndexOf('=');
  const exercise = at < 0 ? '' : text.slice(0, at).trim();
  const load = at < 0 ? '' : text.slice(at + 1).trim();
  if (exercise === '' || load === '') {
    throw usageError(`--start "${text}" is not an exercise and a load.`, 'Write the exercise, "=", then its first load, as in --start "rdl=12kg" or --start "bridge=bw".');
  }
  return [...previous, { exercise, load }];
}

/** `rehab init` */
export function registerInit(program: Command, wiring: Wiring): void {
  program
    .command('init')
    .summary('set up the log: units, body weight, the programme')
    .description(
      'Set up the log: your units, your body weight, and the programme (keep, drop or add exercises; their start loads). ' +
        'On a terminal it asks; with --yes it takes the flags and keeps the defaults for the rest. Running it again changes ' +
        'settings only, never what you logged: a dropped exercise is archived with its history, and changing units converts no logged load.',
    )
    .option('-y, --yes', 'ask nothing: use the flags, and the defaults (or the current settings) for the rest')
    .option('--bodyweight <weight>', 'your body weight: 82.5kg, 180lb, or a bare number in your units')
    .option('--drop <exercise>', 'leave this exercise out of the programme (archived if it has history); repeatable', collect)
    .option('--add <name>', 'add an exercise with default settings (change them with `rehab exercise set`); repeatable', collect)
    .option('--start <exercise=load>', 'the first session\'s load of an exercise: "rdl=12kg", "bridge=bw"; repeatable', startParser)
    .addHelpText(
      'after',
      `
The global --units kg|lb sets the log's units here: what a bare number means from now on.

Examples:
  $ rehab init                                       asks, on a terminal
  $ rehab init --yes --units lb --bodyweight 180lb
  $ rehab init --yes --drop "bird dog" --add "step up" --start "rdl=12kg"`,
    )
    .action(async (options, command: Command) => {
      const { initCommand } = await import('../commands/init.js');
      const units = command.optsWithGlobals<{ units?: Unit }>().units;
      wiring.deliver(await initCommand({ ...options, units }, wiring.contextFrom(command)));
    });
}
