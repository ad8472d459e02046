import type { Command } from 'commander';
import { clearable } from '../domain/set-edit.js';
import { dateParser, painParser, rpeParser } from './parsers.js';
import type { Wiring } from './wiring.js';

/** `rehab edit` */
export function registerEdit(program: Command, wiring: Wiring): void {
  program
    .command('edit')
    .summary('correct one set')
    .description(
      'Correct one set, by the id that `rehab log` and `rehab history` print (or its uid), and print it before and after. ' +
        'The next prescription reflects the correction at once. On a terminal, given no change, it asks what to change.',
    )
    .argument('[id]', 'the set: its id (812) or its uid; on a terminal, picked from the latest sets when left out')
    .option('--load <load>', 'the load: 25kg, 55lb, bw, bw+10kg (a bare number is in your units)')
    .option('--scheme <count>', "this set's reps or seconds: 10, x10, 30s (10@8 sets the RPE too)")
    .option('--rpe <n>', 'effort 1–10, or none to clear it', clearable(rpeParser))
    .option('--pain <n>', 'pain during the exercise 0–10, or none to clear it', clearable(painParser))
    .option('--date <date>', 'move the set to this day: today, yesterday, -3d, a weekday, YYYY-MM-DD', dateParser(wiring.today))
    .option('--note <text>', "the note ('' clears it)")
    .addHelpText(
      'after',
      `
Examples:
  $ rehab edit 812 --scheme 10          it was 10 reps, not 12
  $ rehab edit 812 --load 22.5kg --rpe 8
  $ rehab edit 812 --date yesterday     joins yesterday's session of the exercise
  $ rehab edit 812 --note '' --pain none
  $ rehab edit 812                      on a terminal: asks which values, then each one`,
    )
    .action(async (id: string | undefined, options, command: Command) => {
      const { editCommand } = await import('../commands/edit.js');
      wiring.deliver(await editCommand(id, options, wiring.contextFrom(command)));
    });
}
