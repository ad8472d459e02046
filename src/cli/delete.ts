import type { Command } from 'commander';
import type { Wiring } from './wiring.js';

/** `rehab delete` */
export function registerDelete(program: Command, wiring: Wiring): void {
  program
    .command('delete')
    .summary('remove one set')
    .description('Remove one set, by the id that `rehab log` and `rehab history` print (or its uid), and print what was removed.')
    .argument('[id]', 'the set: its id (812) or its uid; on a terminal, picked from the latest sets when left out')
    .addHelpText(
      'after',
      `
Examples:
  $ rehab delete 812
  $ rehab undo          removes a whole session instead (the last one logged)`,
    )
    .action(async (id: string | undefined, _options, command: Command) => {
      const { deleteCommand } = await import('../commands/delete.js');
      wiring.deliver(await deleteCommand(id, wiring.contextFrom(command)));
    });
}
