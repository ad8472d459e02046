import { Option, type Command } from 'commander';
import type { OutputFormat } from '../commands/output.js';
import type { ProgressMetric } from '../domain/progress-series.js';
import { dateParser } from './parsers.js';
import type { Wiring } from './wiring.js';

/** `rehab progress` */
export function registerProgress(program: Command, wiring: Wiring): void {
  program
    .command('progress')
    .summary('a chart of one exercise over time, with start → now')
    .description(
      'Chart one exercise in the terminal: its heaviest load, best estimated 1RM or volume, one point per session ' +
        '(per week when there are more sessions than the chart has columns), with start → now, the best set and the ' +
        'milestones reached on the way.',
    )
    .argument('[exercise...]', 'exercise name or alias; on a terminal, picked from a list when left out')
    .addOption(
      new Option('--metric <metric>', 'load: the heaviest set; e1rm: estimated 1RM (Epley, sets of ≤10 reps); volume: load × reps')
        .choices(['load', 'e1rm', 'volume'])
        .default('load'),
    )
    .option('--since <date>', 'from this date on: -12w, 2026-01-05, … (default: the first session)', dateParser(wiring.today, { allowFuture: true }))
    .addOption(new Option('--format <format>', 'output format (json: the series)').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      `
The chart fits the terminal's width ($COLUMNS, or 80 columns in a pipe). Bodyweight sets count the
load added; for volume, body weight plus the load added once \`rehab bodyweight\` knows it.

Examples:
  $ rehab progress squat
  $ rehab progress rdl --metric e1rm --since -12w
  $ rehab progress bridge --metric volume
  $ rehab progress squat --format json | jq '.points[-1]'`,
    )
    .action(async (words: string[], options: { metric: ProgressMetric; since?: string; format: OutputFormat }, command: Command) => {
      const { progressCommand } = await import('../commands/progress.js');
      wiring.deliver(await progressCommand(words, options, wiring.contextFrom(command)));
    });
}
