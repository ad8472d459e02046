import { SetCorrectionRepository } from '../db/set-correction-repository.js';
import { renderDelete } from '../io/render-corrections.js';
import type { RunContext } from './context.js';
import { findSet, nextAfterCorrection } from './find-set.js';
import { withLog } from './open-log.js';
import type { CommandOutput } from './output.js';

/** `rehab delete <id>`: removes one set (by short id or uid), prints it and the exercise's next prescription. */
export async function deleteCommand(reference: string, context: RunContext): Promise<CommandOutput> {
  return withLog(context, (log) => {
    const corrections = log.repository(SetCorrectionRepository);
    const removed = corrections.remove(findSet(corrections, reference).id);
    const next = nextAfterCorrection(log, removed, context.today);
    return { stdout: renderDelete(removed, next, context), stderr: log.notices.join('\n') };
  });
}
