import { Option, type Command } from 'commander';
import type { OutputFormat } from '../commands/output.js';
import type { Wiring } from './wiring.js';

/** Collects a repeatable option's values in order. */
const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/**
 * The settings flags `add` and `set` share. Values are passed on as typed: the handler checks
 * them against the settings schema, whose messages name the setting and the allowed values.
 */
function settingOptions(command: Command): Command {
  return command
    .option('--model <model>', 'progression model: double (reps up the range, then load) or linear (fixed reps)')
    .option('--sets <n>', 'working sets, 1–20')
    .option('--reps <range>', 'rep range, as 8-12 (or 5: a fixed target, for linear)')
    .option('--seconds <range>', 'hold range of a timed exercise, as 20-45')
    .option('--seconds-increment <s>', 'seconds a timed hold grows by each progression')
    .option('--measure <measure>', 'reps or seconds (timed holds)')
    .option('--equipment <equipment>', 'barbell, dumbbell, kettlebell, machine or bodyweight (resets increment and step to its defaults)')
    .option('--increment <load>', 'what one progression adds, as 2kg or 5lb (a bare number is in your units); repeat for both units', collect)
    .option('--step <load>', 'the smallest load change the equipment allows, as 2kg or 5lb; repeat for both units', collect)
    .option('--start <load>', 'the first session\'s load: bw, 25kg, bw+10kg')
    .option('--pattern <pattern>', 'movement pattern: squat, hinge, bridge, core or other')
    .option('--set <path=value>', 'any setting by its path, as reps.max=15 (see `rehab plan show`); repeatable', collect);
}

/** `rehab exercise list|add|set|rename|archive|unarchive` */
export function registerExercise(program: Command, wiring: Wiring): void {
  const exercise = program
    .command('exercise')
    .summary('the exercises and their progression settings')
    .description('List, add, change, rename and archive exercises. Without a subcommand, lists the active exercises.')
    .addHelpText(
      'after',
      `
Examples:
  $ rehab exercise list --all
  $ rehab exercise add "step up" --equipment dumbbell --reps 10-15 --alias stepup
  $ rehab exercise set squat --reps 6-10 --increment 2.5kg --set 'milestones.loadsKg=[20,30]'
  $ rehab exercise rename "goblet squat" "front squat"
  $ rehab exercise archive "bird dog"`,
    );

  exercise
    .command('list', { isDefault: true })
    .summary('every exercise with its aliases and main settings')
    .option('--all', 'include archived exercises')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      `
Examples:
  $ rehab exercise list
  $ rehab exercise list --all                 archived exercises too
  $ rehab exercise list --format json | jq -r '.[].name'`,
    )
    .action(async (options: { all?: boolean; format: OutputFormat }, command: Command) => {
      const { exerciseListCommand } = await import('../commands/exercise-list.js');
      wiring.deliver(await exerciseListCommand(options, wiring.contextFrom(command)));
    });

  settingOptions(
    exercise
      .command('add')
      .summary('add an exercise, with the defaults of its equipment')
      .argument('<name...>', 'the new exercise\'s name (several words are fine)')
      .option('--alias <word>', 'another word that names it in `rehab log`; repeatable', collect),
  )
    .addHelpText(
      'after',
      `
Defaults: double progression, 3 sets of 8–12, starting at bodyweight, the equipment's increment and
step (bodyweight unless --equipment, or barbell when --start is a weight).

Examples:
  $ rehab exercise add step up --equipment dumbbell --alias stepup
  $ rehab exercise add dead bug --seconds 20-40 --pattern core
  $ rehab exercise add hip thrust --equipment barbell --start 20kg --reps 8-12`,
    )
    .action(async (words: string[], options, command: Command) => {
      const { exerciseAddCommand } = await import('../commands/exercise-add.js');
      wiring.deliver(await exerciseAddCommand(words, options, wiring.contextFrom(command)));
    });

  settingOptions(
    exercise
      .command('set')
      .summary('change an exercise\'s settings or aliases')
      .argument('<exercise...>', 'name or alias')
      .option('--alias-add <word>', 'add an alias; repeatable', collect)
      .option('--alias-remove <word>', 'remove an alias; repeatable', collect),
  )
    .addHelpText(
      'after',
      `
Every value is checked before anything is written, and the changes are printed old → new.
\`rehab plan show\` lists every setting by the path --set takes.

Examples:
  $ rehab exercise set squat --reps 6-10 --sets 4
  $ rehab exercise set rdl --equipment barbell --start 40kg
  $ rehab exercise set bridge --increment 5kg --increment 10lb
  $ rehab exercise set plank --seconds 30-60 --seconds-increment 10
  $ rehab exercise set squat --set reps.max=15 --set 'milestones.loadsKg=[20,30]'
  $ rehab exercise set squat --alias-add gs --alias-remove goblet`,
    )
    .action(async (words: string[], options, command: Command) => {
      const { exerciseSetCommand } = await import('../commands/exercise-set.js');
      wiring.deliver(await exerciseSetCommand(words, options, wiring.contextFrom(command)));
    });

  exercise
    .command('rename')
    .summary('rename an exercise; its history and aliases stay')
    .argument('<exercise>', 'name or alias (quote names of several words)')
    .argument('<new-name>', 'the new name')
    .option('--no-alias', 'do not keep the old name as an alias')
    .addHelpText(
      'after',
      `
The old name becomes an alias, so \`rehab log <old name>\` still works (--no-alias: it does not).

Examples:
  $ rehab exercise rename "goblet squat" "front squat"
  $ rehab exercise rename "glute brdge" "glute bridge" --no-alias`,
    )
    .action(async (from: string, to: string, options: { alias: boolean }, command: Command) => {
      const { exerciseRenameCommand } = await import('../commands/exercise-rename.js');
      wiring.deliver(await exerciseRenameCommand(from, to, options, wiring.contextFrom(command)));
    });

  exercise
    .command('archive')
    .summary('leave an exercise out of `rehab next`; its history stays')
    .argument('<exercise...>', 'name or alias')
    .addHelpText('after', '\nExample:\n  $ rehab exercise archive bird dog      (undo with `rehab exercise unarchive bird dog`)')
    .action(async (words: string[], _options, command: Command) => {
      const { exerciseArchiveCommand } = await import('../commands/exercise-archive.js');
      wiring.deliver(await exerciseArchiveCommand(words, { archive: true }, wiring.contextFrom(command)));
    });

  exercise
    .command('unarchive')
    .summary('bring an archived exercise back')
    .argument('<exercise...>', 'name or alias')
    .addHelpText('after', '\nExample:\n  $ rehab exercise unarchive bird dog    (it shows in `rehab next` again, with its history)')
    .action(async (words: string[], _options, command: Command) => {
      const { exerciseArchiveCommand } = await import('../commands/exercise-archive.js');
      wiring.deliver(await exerciseArchiveCommand(words, { archive: false }, wiring.contextFrom(command)));
    });
}
