import { readFile } from 'node:fs/promises';
import { planChanges, planChangesAnything, type PlanChanges } from '../domain/plan-changes.js';
import { runtimeError, usageError } from '../errors.js';
import { checkPlan } from '../io/plan-schema.js';
import { renderPlanImport } from '../io/render-plan-import.js';
import type { RunContext } from './context.js';
import { withLog, type RehabLog } from './open-log.js';
import type { CommandOutput } from './output.js';

export interface PlanImportOptions {
  dryRun?: boolean;
}

/**
 * `rehab plan import <file|->`: makes the log's programme the plan's. The whole document is
 * checked first and every problem reported at once (exit 2, nothing written); then, in one
 * transaction, exercises matched by name (ignoring case) are updated, new ones added, and the
 * log's others archived (never deleted: their history stays). Says what changed.
 */
export async function planImportCommand(source: string, options: PlanImportOptions, context: RunContext): Promise<CommandOutput> {
  const label = source === '-' ? 'the plan on stdin' : source;
  const raw = parseJson(await readSource(source, context), label);
  return withLog(context, (log) => {
    const existing = log.exercises.list({ includeArchived: true });
    const check = checkPlan(raw, existing);
    if (!check.ok) {
      const count = check.problems.length;
      throw usageError(`${label} has ${count} ${count === 1 ? 'problem' : 'problems'}, so nothing was imported:`, undefined, check.problems);
    }
    const changes = planChanges(check.plan, existing, log.units);
    if (!planChangesAnything(changes)) {
      return { stdout: `${label} matches the log; nothing changed.`, stderr: log.notices.join('\n') };
    }
    if (!options.dryRun) apply(log, changes, context.now);
    return { stdout: renderPlanImport(changes, label, options.dryRun ?? false), stderr: log.notices.join('\n') };
  });
}

/** Writes the changes in one immediate transaction: all of them, or (on any error) none. */
function apply(log: RehabLog, changes: PlanChanges, now: string): void {
  log.transaction(() => {
    if (changes.units) log.meta.set('units', changes.units.after);
    const updates = [...changes.leftOut, ...changes.changed];
    // An alias may move from one exercise to another: free every changing alias list first.
    for (const item of updates) {
      if (item.changes.some((change) => change.path === 'aliases')) log.exercises.update(item.exercise.id, { aliases: [] });
    }
    for (const item of updates) log.exercises.update(item.exercise.id, item.next);
    for (const entry of changes.added) {
      const created = log.exercises.create({ name: entry.name, aliases: entry.aliases, settings: entry.settings }, now);
      if (entry.archived) log.exercises.update(created.id, { archived: true });
    }
  });
}

async function readSource(source: string, context: RunContext): Promise<string> {
  if (source === '-') {
    if (context.stdinIsTTY) {
      throw usageError('`rehab plan import -` reads the plan from stdin, but stdin is a terminal.', 'Pipe it in, as in `rehab plan import - < plan.json`, or give the file name.');
    }
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(source, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw usageError(`There is no file ${source}.`, 'Check the path; `rehab plan export -o plan.json` writes a plan.');
    if (code === 'EISDIR') throw usageError(`${source} is a folder, not a plan file.`, 'Give the path of a .json plan.');
    throw runtimeError(`Cannot read ${source} (${code ?? String(error)}).`, 'Check its permissions.', error);
  }
}

/** JSON, with a byte order mark allowed; a syntax error says where, as far as the parser knows. */
function parseJson(text: string, label: string): unknown {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') throw usageError(`${label} is empty.`, 'A plan is a JSON document, as `rehab plan export` writes.');
  try {
    return JSON.parse(body);
  } catch (error) {
    const detail = (error as Error).message;
    throw usageError(`${label} is not valid JSON (${detail}${where(detail, body)}).`, 'Nothing was imported; `rehab plan export` shows the format.');
  }
}

/** ", line 3 column 7" from the parser's "position 42", when it gives one. */
function where(message: string, text: string): string {
  const match = /position (\d+)/.exec(message);
  if (!match) return '';
  const before = text.slice(0, Number(match[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `, line ${line} column ${column}`;
}
