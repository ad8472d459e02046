import { BatchRepository } from '../db/batch-repository.js';
import { renderUndo } from '../io/render-corrections.js';
import type { RunContext } from './context.js';
import { withLogUntilWritten } from './open-log.js';
import type { CommandOutput } from './output.js';

/**
 * `rehab undo`: removes what the last `log` or import added (what is left of it) and prints
 * exactly what was removed; run again, it goes one step further back. With nothing left to undo
 * it says so on stderr and succeeds (exit 0): an empty log is not an error. The removed sets are
 * printed as they are read back (`main` takes the pieces one by one), so undoing an import of a
 * million sets holds no more of them in memory than undoing one log.
 */
export async function undoCommand(context: RunContext): Promise<CommandOutput> {
  return withLogUntilWritten(context, (log) => {
    const undone = log.repository(BatchRepository).undoLatest();
    if (undone === undefined) return { stderr: [...log.notices, 'Nothing to undo.'].join('\n') };
    return { stderr: log.notices.join('\n'), pieces: renderUndo(undone.batch, undone.removed, undone.sets, context) };
  });
}
