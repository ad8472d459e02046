import { Option, type Command } from 'commander';
import { dateParser, integerParser } from './parsers.js';
import type { Wiring } from './wiring.js';

/** `rehab history` */
export function registerHistory(program: Command, wiring: Wiring): void {
  program
    .command('history')
    .summary('what was done, newest first, grouped by day')
    .argument('[exercise]', 'only this exercise (name or alias)')
    .option('--since <date>', 'from this date on', dateParser(wiring.today, { allowFuture: true }))
    .option('--until <date>', 'up to and including this date', dateParser(wiring.today, { allowFuture: true }))
    .option('--limit <n>', 'at most this many sessions', integerParser('--limit', 1))
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'csv']).default('text'))
    .addHelpText(
      'after',
      `
Examples:
  $ rehab history
  $ rehab history squat --since -4w
  $ rehab history --format json > history.json
  $ rehab history squat --format csv > squat.csv`,
    )
    .action(async (exercise: string | undefined, options, command: Command) => {
      const { historyCommand } = await import('../commands/history.js');
      wiring.deliver(await historyCommand(exercise, options, wiring.contextFrom(command)));
    });
}
