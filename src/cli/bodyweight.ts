import type { Command } from 'commander';
import { dateParser } from './parsers.js';
import type { Wiring } from './wiring.js';

/** `rehab bodyweight` */
export function registerBodyweight(program: Command, wiring: Wiring): void {
  program
    .command('bodyweight')
    .summary('record your body weight (for bodyweight-relative milestones)')
    .description('Record your body weight. It sets the body-weight milestones (a hinge at 1× body weight, …) and the totals of `bw` loads in history.')
    .argument('[weight...]', 'the weight: 82.5kg, 82.5 kg, 180lb, or a bare number in your units; asked for on a terminal when left out')
    .option('--date <date>', 'when: today, yesterday, -3d, a weekday, or YYYY-MM-DD (not in the future)', dateParser(wiring.today))
    .addHelpText(
      'after',
      `
Examples:
  $ rehab bodyweight 82.5kg
  $ rehab bodyweight 180 lb --date yesterday`,
    )
    .action(async (words: string[], options: { date?: string }, command: Command) => {
      const { bodyweightCommand } = await import('../commands/bodyweight.js');
      wiring.deliver(await bodyweightCommand(words, options, wiring.contextFrom(command)));
    });
}
