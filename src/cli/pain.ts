import type { Command } from 'commander';
import { dateParser, painParser } from './parsers.js';
import type { Wiring } from './wiring.js';

/** `rehab pain` */
export function registerPain(program: Command, wiring: Wiring): void {
  program
    .command('pain')
    .summary('next-morning pain check-in, 0–10 (used by the rules)')
    .description(
      'Record how much pain you have, 0 (none) to 10 (worst imaginable), best the morning after a session. ' +
        'Above 5/10, or higher than before the session, the next session holds its load until the pain settles; ' +
        'weekly pain rising by 2 points or more steps back (pain-monitoring model, Silbernagel 2007).',
    )
    .argument('[pain]', 'pain from 0 to 10 (3 or 3/10); asked for on a terminal when left out', painParser)
    .option('--date <date>', 'when: today, yesterday, -3d, a weekday, or YYYY-MM-DD (not in the future)', dateParser(wiring.today))
    .option('--note <text>', 'a note kept with the check-in')
    .addHelpText(
      'after',
      `
Examples:
  $ rehab pain 2
  $ rehab pain 6 --note "stiff after deadlifts"
  $ rehab pain 3 --date yesterday`,
    )
    .action(async (pain: number | undefined, options: { date?: string; note?: string }, command: Command) => {
      const { painCommand } = await import('../commands/pain.js');
      wiring.deliver(await painCommand(pain, options, wiring.contextFrom(command)));
    });
}
