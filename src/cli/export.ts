import { Option, type Command } from 'commander';
import { dateParser } from './parsers.js';
import type { Wiring } from './wiring.js';

/** `rehab export` */
export function registerExport(program: Command, wiring: Wiring): void {
  program
    .command('export')
    .summary('all sets, one row each, as CSV, JSON or JSONL')
    .description(
      'Write every set (or those the filters select), one row each, ordered by date, exercise, session and set: ' +
        'CSV (RFC 4180, for spreadsheets), JSON (one array) or JSONL (one object a line). `rehab import` reads all three back.',
    )
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'json', 'jsonl']).default('csv'))
    .option('--exercise <name>', 'only this exercise (name or alias)')
    .option('--since <date>', 'from this date on', dateParser(wiring.today, { allowFuture: true }))
    .option('--until <date>', 'up to and including this date', dateParser(wiring.today, { allowFuture: true }))
    .option('-o, --output <file>', 'write to this file (complete or not at all) instead of stdout')
    .option('--bom', 'start the CSV with a UTF-8 byte order mark, for Excel')
    .addHelpText(
      'after',
      `
Examples:
  $ rehab export > log.csv
  $ rehab export --bom -o log.csv            for Excel
  $ rehab export --exercise squat --since -12w
  $ rehab export --format jsonl | jq -c 'select(.load_kg > 20)'`,
    )
    .action(async (options, command: Command) => {
      const { exportCommand } = await import('../commands/export.js');
      wiring.deliver(await exportCommand(options, wiring.contextFrom(command)));
    });
}
