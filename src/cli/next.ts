import { Option, type Command } from 'commander';
import { dateParser } from './parsers.js';
import type { OutputFormat } from '../commands/output.js';
import type { Wiring } from './wiring.js';

/** `rehab next` */
export function registerNext(program: Command, wiring: Wiring): void {
  program
    .command('next')
    .summary('prescribe the next session, with reasons')
    .description('Prescribe the next session of each active exercise (or the ones named), with the reasons for it.')
    .argument('[exercises...]', 'exercise names or aliases (default: every active exercise)')
    .option('--date <date>', 'prescribe as of this date (default: today)', dateParser(wiring.today, { allowFuture: true }))
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      `
Examples:
  $ rehab next
  $ rehab next squat rdl
  $ rehab next --format json | jq '.prescriptions[0]'`,
    )
    .action(async (names: string[], options: { date?: string; format: OutputFormat }, command: Command) => {
      const { nextCommand } = await import('../commands/next.js');
      wiring.deliver(await nextCommand(names, options, wiring.contextFrom(command)));
    });
}
