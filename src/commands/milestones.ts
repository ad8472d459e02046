import { MilestoneRepository } from '../db/milestone-repository.js';
import { suggestNames } from '../domain/exercise-names.js';
import { milestonesToList, type Milestone } from '../domain/milestones.js';
import { usageError } from '../errors.js';
import { formatDay, isoDay } from '../io/format.js';
import { renderMilestonesAsJson, renderMilestonesAsText } from '../io/render-milestones.js';
import type { RunContext } from './context.js';
import { loadMilestones } from './milestone-facts.js';
import { withLog } from './open-log.js';
import type { CommandOutput, OutputFormat } from './output.js';

export interface MilestonesOptions {
  all?: boolean;
  /** Ids to acknowledge (`--ack`, repeatable). */
  ack: string[];
  /** As of this date (default today). */
  date?: string;
  format: OutputFormat;
}

/** How many valid ids an unknown-id error lists. */
const IDS_LISTED = 6;

/** `rehab milestones`: reached, due and upcoming milestones; `--ack` stores that one was seen. */
export async function milestonesCommand(options: MilestonesOptions, context: RunContext): Promise<CommandOutput> {
  return withLog(context, (log) => {
    const date = options.date ?? context.today;
    const milestones = log.snapshot(() => loadMilestones(log, log.exercises.list({ includeArchived: false }), date, { includeAcknowledged: options.all, displayUnit: context.displayUnits }));
    if (options.ack.length > 0) return acknowledge(log.repository(MilestoneRepository), milestones, options, context, log.notices);

    const shown = milestonesToList(milestones, { all: options.all });
    const stdout =
      options.format === 'json' ? renderMilestonesAsJson(shown, date, context.displayUnits) : renderMilestonesAsText(shown, date, context);
    return { stdout, stderr: log.notices.join('\n') };
  });
}

/** Checks every id first (nothing is written if one is wrong), then stores them in one transaction. */
function acknowledge(
  repository: MilestoneRepository,
  milestones: Milestone[],
  options: MilestonesOptions,
  context: RunContext,
  notices: string[],
): CommandOutput {
  const byId = new Map(milestones.map((m) => [m.id, m]));
  const chosen = [...new Set(options.ack.map((id) => id.trim().toLowerCase()))].map((id) => {
    const milestone = byId.get(id);
    if (milestone === undefined) throw unknownId(id, milestones);
    if (milestone.status === 'upcoming') {
      const when = milestone.date === null ? '' : ` (${milestone.kind === 'review' ? 'due' : 'at the earliest'} ${formatDay(milestone.date, context.today)})`;
      throw usageError(`Milestone "${id}" (${milestone.title}) has not been reached yet${when}.`, 'Acknowledge it once `rehab milestones` shows it as reached or due.');
    }
    return milestone;
  });
  const fresh = chosen.filter((m) => m.acknowledgedAt === null);
  repository.acknowledge(
    fresh.map((m) => m.id),
    context.now,
  );

  if (options.format === 'json') {
    const acknowledged = chosen.map((m) => ({ id: m.id, title: m.title, acknowledgedAt: m.acknowledgedAt ?? context.now, already: m.acknowledgedAt !== null }));
    return { stdout: JSON.stringify({ acknowledged }, null, 2), stderr: notices.join('\n') };
  }
  const lines = chosen.map((m) =>
    m.acknowledgedAt === null
      ? `Acknowledged ${m.id}: ${m.title}. It no longer shows in \`rehab next\`; \`rehab milestones --all\` still lists it.`
      : `${m.id} (${m.title}) was already acknowledged on ${formatDay(isoDay(new Date(m.acknowledgedAt)), context.today)}.`,
  );
  return { stdout: lines.join('\n'), stderr: notices.join('\n') };
}

function unknownId(id: string, milestones: Milestone[]) {
  const open = milestones.filter((m) => m.status !== 'upcoming' && m.acknowledgedAt === null).map((m) => m.id);
  const close = suggestNames(id, milestones.map((m) => m.id));
  const suggestion = close.length > 0 ? `Did you mean ${close.slice(0, 3).join(' or ')}? ` : '';
  const listed =
    open.length === 0
      ? 'No milestone is waiting to be acknowledged now.'
      : `Waiting to be acknowledged: ${open.slice(0, IDS_LISTED).join(', ')}${open.length > IDS_LISTED ? ', …' : ''}.`;
  return usageError(`No milestone has the id "${id}".`, `${suggestion}${listed} \`rehab milestones\` lists them with their ids.`);
}
