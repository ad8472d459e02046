import { Option, type Command } from 'commander';
import type { OutputFormat } from '../commands/output.js';
import type { Wiring } from './wiring.js';

/** `rehab plan show|export|import` */
export function registerPlan(program: Command, wiring: Wiring): void {
  const plan = program
    .command('plan')
    .summary('the whole programme as one JSON document')
    .description('Show, export and import the whole programme: every exercise with its aliases and settings. Without a subcommand, shows it.')
    .addHelpText(
      'after',
      `
Examples:
  $ rehab plan show
  $ rehab plan export -o plan.json
  $ rehab plan import plan.json --dry-run
  $ rehab plan import plan.json

The format is described by schema/plan.schema.json (JSON Schema) in the rehab repository.`,
    );

  plan
    .command('show', { isDefault: true })
    .summary('the programme: every setting of each active exercise')
    .addOption(new Option('--format <format>', 'output format (json: the document `plan export` writes)').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      `
Examples:
  $ rehab plan show
  $ rehab plan show --format json | jq '.exercises[] | {name, reps: .settings.reps}'`,
    )
    .action(async (options: { format: OutputFormat }, command: Command) => {
      const { planShowCommand } = await import('../commands/plan-show.js');
      wiring.deliver(await planShowCommand(options, wiring.contextFrom(command)));
    });

  plan
    .command('export')
    .summary('write the programme as one JSON document')
    .option('-o, --output <file>', 'write to this file (whole or not at all) instead of stdout')
    .addHelpText(
      'after',
      `
Examples:
  $ rehab plan export -o plan.json
  $ rehab plan export > plan.json
  $ rehab plan export | jq '.exercises[0].settings.reps.max = 15' | rehab plan import -`,
    )
    .action(async (options: { output?: string }, command: Command) => {
      const { planExportCommand } = await import('../commands/plan-export.js');
      wiring.deliver(await planExportCommand(options, wiring.contextFrom(command)));
    });

  plan
    .command('import')
    .summary('make the programme the plan\'s: check everything, then apply all of it or nothing')
    .argument('<file>', 'a plan (JSON), or - for stdin')
    .option('--dry-run', 'check the plan and say what would change, without writing')
    .addHelpText(
      'after',
      `
Exercises are matched by name, ignoring case: matched ones take the plan's aliases and settings,
new ones are added, and exercises of the log the plan leaves out are archived (never deleted:
their history stays). Every problem in the file is reported, with its path, before anything is
written.

Examples:
  $ rehab plan import plan.json --dry-run
  $ rehab plan export | jq '.exercises[0].settings.reps.max = 15' | rehab plan import -`,
    )
    .action(async (file: string, options: { dryRun?: boolean }, command: Command) => {
      const { planImportCommand } = await import('../commands/plan-import.js');
      wiring.deliver(await planImportCommand(file, options, wiring.contextFrom(command)));
    });
}
