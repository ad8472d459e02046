import type { Command } from 'commander';
import { dateParser, painParser, rpeParser } from './parsers.js';
import type { Wiring } from './wiring.js';

/** `rehab log` */
export function registerLog(program: Command, wiring: Wiring): void {
  program
    .command('log')
    .summary('record one session of one exercise')
    .description('Record one session of one exercise. Words after the name are a load and a scheme, in either order.')
    .argument('[words...]', 'exercise name, then an optional load (25kg, 55lb, bw, bw+10kg) and scheme (3x8, 3x8@7, 8,8,6, 3x30s, x10)')
    .option('--rpe <n>', 'effort of every set, 1–10 (10 = no more reps)', rpeParser)
    .option('--pain <n>', 'pain during the exercise, 0–10', painParser)
    .option('--date <date>', 'when: today, yesterday, -3d, a weekday, or YYYY-MM-DD (not in the future)', dateParser(wiring.today))
    .option('--note <text>', 'a note kept with every set')
    .option('--new', 'create the exercise if no exercise or alias has this name')
    .addHelpText(
      'after',
      `
Examples:
  $ rehab log squat 25kg 3x10
  $ rehab log goblet squat 22.5 kg 10,10,8 --rpe 8
  $ rehab log rdl 55lb 3x12 --date yesterday
  $ rehab log side plank bw 3x30s --pain 2
  $ rehab log squat                 records today's prescription as done, and says so
  $ rehab log step up bw x10 --new  a new exercise`,
    )
    .action(async (words: string[], options, command: Command) => {
      const { logCommand } = await import('../commands/log.js');
      wiring.deliver(await logCommand(words, options, wiring.contextFrom(command)));
    });
}
