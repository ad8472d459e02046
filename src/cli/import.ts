import { Option, type Command } from 'commander';
import { usageError } from '../errors.js';
import type { Wiring } from './wiring.js';

/** One `--map "Squat (Barbell)=squat"`, collected into a list (the option repeats). */
export function mappingParser(text: string, previous: Array<{ foreign: string; exercise: string }> = []) {
  // The last `=` splits: exercise names rarely hold one, and the right side is a rehab name.
  const at = text.lastIndexOf('=');
  const foreign = at < 0 ? '' : text.slice(0, at).trim();
  const exercise = at < 0 ? '' : text.slice(at + 1).trim();
  if (foreign === '' || exercise === '') {
    throw usageError(`--map "${text}" is not a mapping.`, 'Write the name in the file, "=", then a rehab exercise, as in --map "Squat (Barbell)=squat".');
  }
  return [...previous, { foreign, exercise }];
}

/** `rehab import` */
export function registerImport(program: Command, wiring: Wiring): void {
  program
    .command('import')
    .summary("bring in a rehab export or another app's; safe to run twice")
    .description(
      "Import sets from rehab's own export (CSV, JSON or JSONL) or the CSV export of Strong, Hevy or FitNotes, recognised by " +
        'its header row. Warm-up, rest-timer and cardio rows are skipped and counted; sets already in the log are not added ' +
        'again. Everything is written in one go, and `rehab undo` takes the whole import back.',
    )
    .argument('[file]', 'the exported file, or - to read standard input; asked for on a terminal when left out')
    .addOption(new Option('--from <format>', 'the app that wrote the file').choices(['auto', 'rehab', 'strong', 'hevy', 'fitnotes']).default('auto'))
    .addOption(new Option('--unit <unit>', "the unit of weights the file gives without one (Strong's older export)").choices(['kg', 'lb']))
    .option('--map <name=exercise>', 'import the file\'s exercise "name" into this rehab exercise (repeatable; remembered)', mappingParser)
    .option('--dry-run', 'read, check and report everything, but write nothing')
    .option('--skip-invalid', 'import the valid rows even when some rows are invalid (they are listed)')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      `
Examples:
  $ rehab import strong_workouts.csv --dry-run
  $ rehab import strong_workouts.csv --unit lb --map "Squat (Barbell)=squat"
  $ rehab import hevy_workouts.csv --skip-invalid
  $ rehab export --format jsonl | rehab --db other.db import -`,
    )
    .action(async (file: string | undefined, options, command: Command) => {
      const { importCommand } = await import('../commands/import.js');
      wiring.deliver(await importCommand(file, options, wiring.contextFrom(command)));
    });
}
