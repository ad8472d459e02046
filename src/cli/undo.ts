import type { Command } from 'commander';
import type { Wiring } from './wiring.js';

/** `rehab undo` */
export function registerUndo(program: Command, wiring: Wiring): void {
  program
    .command('undo')
    .summary('remove what the last log (or import) added')
    .description(
      'Remove what the last `rehab log` or `rehab import` added (what is left of it), and print exactly what was removed. ' +
        'Run it again to go one step further back.',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ rehab undo          the last log or import
  $ rehab undo          and the one before it`,
    )
    .action(async (_options, command: Command) => {
      const { undoCommand } = await import('../commands/undo.js');
      wiring.deliver(await undoCommand(wiring.contextFrom(command)));
    });
}
