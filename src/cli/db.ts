import type { Command } from 'commander';
import type { Wiring } from './wiring.js';

/** `rehab db path|check|backup` */
export function registerDb(program: Command, wiring: Wiring): void {
  const db = program
    .command('db')
    .summary('where the log is, an integrity check, a consistent copy')
    .description('The log file itself: where it is, whether it is sound, and a safe copy of it. Without a subcommand, prints where it is.')
    .addHelpText(
      'after',
      `
Examples:
  $ rehab db path                     where the log is
  $ rehab db check                    integrity and foreign-key checks: ok, or what is wrong
  $ rehab db backup                   a copy beside the log, named with the time
  $ rehab db backup ~/backups/        a copy in that folder
  $ cp "$(rehab db backup)" /mnt/usb/ the path of the copy is all it prints on stdout`,
    );

  db.command('path', { isDefault: true })
    .summary('print where the log is (without creating it)')
    .description('Print where the log is (--db, else $REHAB_DB, else the data folder), alone on stdout. Never creates it.')
    .addHelpText(
      'after',
      `
Examples:
  $ rehab db path
  $ rehab db path --db ~/rehab.db      prints the absolute path
  $ ls -l "$(rehab db path)"`,
    )
    .action(async (_options, command: Command) => {
      const { dbPathCommand } = await import('../commands/db-path.js');
      wiring.deliver(dbPathCommand(wiring.contextFrom(command)));
    });

  db.command('check')
    .summary('check the log for damage: ok, or the problems (exit 1)')
    .description(
      "Run SQLite's integrity_check and foreign_key_check on the log and check that it is a rehab log of a schema this rehab knows, " +
        'with all its tables and indexes. Prints ok, or names the problems and exits 1. Changes nothing.',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ rehab db check
  $ rehab db check && rehab db backup  a copy only of a sound log`,
    )
    .action(async (_options, command: Command) => {
      const { dbCheckCommand } = await import('../commands/db-check.js');
      wiring.deliver(await dbCheckCommand(wiring.contextFrom(command)));
    });

  db.command('backup')
    .summary('a consistent copy of the log, even while rehab is writing to it')
    .argument('[file]', 'where to write it: a file, or a folder (default: beside the log, named with the time)')
    .description(
      'Copy the log as it is at one moment, even while other rehab processes write to it. The copy is written whole or not at all, ' +
        'is readable by you alone, and its path is printed on stdout. An existing file is replaced only if it is a rehab backup.',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ rehab db backup                     beside the log: rehab.db.backup-20261124070509
  $ rehab db backup ~/backups/          into that folder, named the same way
  $ rehab db backup ~/backups/rehab.db  that file (replacing an earlier backup there)

To restore a backup, copy it over the log (rehab db path) while no rehab is running.`,
    )
    .action(async (file: string | undefined, _options, command: Command) => {
      const { dbBackupCommand } = await import('../commands/db-backup.js');
      wiring.deliver(await dbBackupCommand(file, wiring.contextFrom(command)));
    });
}
