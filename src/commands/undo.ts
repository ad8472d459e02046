import { BatchRepository } from '../db/batch-repository.js';
import { translateDatabaseError } from '../db/open-database.js';
import { renderUndo } from '../io/render-corrections.js';
import type { RunContext } from './context.js';
import { closingAfter, openLog } from './open-log.js';
import type { CommandOutput } from './output.js';

/**
 * `rehab undo`: removes what the last `log` or import added (what is left of it) and prints
 * exactly what was removed; run again, it goes one step further back. With nothing left to undo
 * it says so on stderr and succeeds (exit 0): an empty log is not an error. The removed sets are
 * printed as they are read back (`main` takes the pieces one by one), so undoing an import of a
 * million sets holds no more of them in memory than undoing one log.
 */
export async function undoCommand(context: RunContext): Promise<CommandOutput> {
  const log = openLog(context);
  try {
    const undone = log.repository(BatchRepository).undoLatest();
    if (undone === undefined) {
      log.close();
      return { stderr: [...log.notices, 'Nothing to undo.'].join('\n') };
    }
    const pieces = renderUndo(undone.batch, undone.removed, undone.sets, context);
    return { stderr: log.notices.join('\n'), pieces: closingAfter(pieces, log, context.dbPath) };
  } catch (error) {
    log.close();
    throw translateDatabaseError(error, context.dbPath);
  }
}
