import { runtimeError } from '../errors.js';
import { writeFileAtomically } from '../io/atomic-file.js';
import { buildPlanDocument, planDocumentText } from '../io/plan-document.js';
import { planSchemaUrl } from '../io/plan-schema-location.js';
import type { RunContext } from './context.js';
import { withLog } from './open-log.js';
import type { CommandOutput } from './output.js';

/**
 * `rehab plan export [-o FILE]`: the whole programme as one JSON document, every exercise
 * (archived ones too) with all its settings. To stdout, or written whole to FILE (a temporary
 * file renamed over it, so a reader never sees half a plan).
 */
export async function planExportCommand(options: { output?: string }, context: RunContext): Promise<CommandOutput> {
  const { text, count, notices } = await withLog(context, (log) => {
    const exercises = log.exercises.list({ includeArchived: true });
    return { text: planDocumentText(buildPlanDocument(exercises, log.units, planSchemaUrl())), count: exercises.length, notices: log.notices };
  });
  if (options.output === undefined || options.output === '-') return { stdout: text, stderr: notices.join('\n') };
  await writeFileAtomically(options.output, async (sink) => sink(text)).catch((error: unknown) => {
    throw fileError(error, options.output!);
  });
  const wrote = `Wrote the plan (${count} ${count === 1 ? 'exercise' : 'exercises'}) to ${options.output}.`;
  return { stderr: [...notices, wrote].join('\n') };
}

/** A file that cannot be written is a runtime problem (exit 1) with what to do; anything else passes through. */
function fileError(error: unknown, file: string): unknown {
  const code = (error as NodeJS.ErrnoException)?.code;
  const reason =
    code === 'ENOENT' || code === 'ENOTDIR'
      ? 'its folder does not exist'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'ENOSPC'
            ? 'the disk is full'
            : undefined;
  return reason === undefined ? error : runtimeError(`Cannot write the plan to ${file}: ${reason}.`, 'Pick another file with -o; nothing was written.', error);
}
