import { buildPlanDocument, planDocumentText } from '../io/plan-document.js';
import { planSchemaUrl } from '../io/plan-schema-location.js';
import { renderPlanAsText } from '../io/render-exercises.js';
import type { RunContext } from './context.js';
import { withLog } from './open-log.js';
import type { CommandOutput, OutputFormat } from './output.js';

/**
 * `rehab plan show`: the programme. Text lists every setting of each active exercise by its path
 * (the paths `rehab exercise set --set` takes); JSON is the document `rehab plan export` writes.
 */
export async function planShowCommand(options: { format: OutputFormat }, context: RunContext): Promise<CommandOutput> {
  return withLog(context, (log) => {
    const exercises = log.exercises.list({ includeArchived: true });
    const stdout =
      options.format === 'json'
        ? planDocumentText(buildPlanDocument(exercises, log.units, planSchemaUrl()))
        : renderPlanAsText(exercises, log.units, context.style);
    return { stdout, stderr: log.notices.join('\n') };
  });
}
