import { Option, type Command } from 'commander';
import type { OutputFormat } from '../commands/output.js';
import { dateParser } from './parsers.js';
import type { Wiring } from './wiring.js';

/** `rehab milestones` */
export function registerMilestones(program: Command, wiring: Wiring): void {
  program
    .command('milestones')
    .summary('milestones reached, due and upcoming')
    .description(
      'List the milestones reached or due and not yet acknowledged, and the next upcoming one of each kind: ' +
        'the suitcase band (20 then 30 kg on a squat that started at bodyweight: time to re-evaluate), ' +
        'reviews at 2, 6 and 12 weeks and 6 and 12 months, estimated 1RM up 50 % and 100 %, body-weight marks, ' +
        'and 4, 8 and 12 weeks in a row with at least two sessions.',
    )
    .option('--all', 'every milestone, acknowledged ones too')
    .option('--ack <id>', 'acknowledge a reached or due milestone, so it stops showing (repeatable)', collect, [])
    .option('--date <date>', 'as of this date (default: today)', dateParser(wiring.today, { allowFuture: true }))
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      `
Examples:
  $ rehab milestones
  $ rehab milestones --ack review-6w
  $ rehab milestones --ack suitcase-20kg:goblet-squat
  $ rehab milestones --all --format json`,
    )
    .action(async (options: { all?: boolean; ack: string[]; date?: string; format: OutputFormat }, command: Command) => {
      const { milestonesCommand } = await import('../commands/milestones.js');
      wiring.deliver(await milestonesCommand(options, wiring.contextFrom(command)));
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
