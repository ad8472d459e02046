// `rehab next` as text for people and JSON for machines, from the same report.
import type { NextReport } from '../commands/next.js';
import type { RunContext } from '../commands/context.js';
import { SOURCE_NOTES } from '../domain/progression.js';
import { amountOf, loadIn } from '../domain/units.js';
import type { Load, Prescription, Unit } from '../domain/types.js';
import { formatCounts, formatDay, showLoad } from './format.js';
import { formatDayRelative, relativeDay } from './relative-day.js';
import { milestoneAsJson, renderMilestonesBlock } from './render-milestones.js';
import { explainedOnce } from './source-notes.js';
import { fitWidth, visibleWidth, wrapText } from './terminal-text.js';

export function renderNextAsText(report: NextReport, context: Pick<RunContext, 'today' | 'displayUnits' | 'style' | 'terminalColumns'>): string {
  const { style } = context;
  if (report.items.length === 0) {
    return 'No active exercises. Add one with `rehab log <name> … --new`.';
  }
  const rows = report.items.map(({ exercise, prescription }) => ({
    name: exercise.name,
    load: showLoad(prescription.load, context.displayUnits),
    scheme: prescriptionScheme(prescription),
    prescription,
  }));
  const nameWidth = Math.max(...rows.map((row) => row.name.length));
  const loadWidth = Math.max(...rows.map((row) => row.load.length));
  const schemeWidth = Math.max(...rows.map((row) => row.scheme.length));

  const asOf = report.date === context.today ? formatDay(report.date, context.today) : formatDayRelative(report.date, context.today);
  const lines = [style.bold(`Next session, as of ${asOf}`), ''];
  // On a terminal the reasons wrap at its width, under one another; in a pipe each stays one line.
  const width = fitWidth(context);
  const actionWidth = Math.max(...rows.map((row) => row.prescription.action.length));
  // A source explained under one exercise is named under the next ones (JSON keeps every reason whole).
  const explained = new Set<string>();
  for (const row of rows) {
    const { action, lastSession } = row.prescription;
    const last = lastSession === null ? '' : `  ${style.dim(`last session: ${relativeDay(lastSession, report.date) ?? formatDay(lastSession, context.today)}`)}`;
    const actionText = last === '' ? style.action(action, action) : style.action(action, action.padEnd(actionWidth));
    const line = `${style.bold(row.name.padEnd(nameWidth))}  ${row.load.padEnd(loadWidth)}  ${row.scheme.padEnd(schemeWidth)}  ${actionText}`;
    // Too wide for the terminal: when the last session goes under the columns, it stays whole.
    if (width !== undefined && last !== '' && visibleWidth(line + last) > width) lines.push(line, `${' '.repeat(nameWidth)}${last}`);
    else lines.push(line + last);
    for (const reason of row.prescription.reasons) {
      for (const line of wrapText(explainedOnce(reason, SOURCE_NOTES, explained), width, '    ')) lines.push(style.dim(line));
    }
  }
  lines.push(...renderMilestonesBlock(report.milestones, context));
  return lines.join('\n');
}

/** `3×9 (range 8–12)` or `3×25 s (range 20–45 s)`. */
export function prescriptionScheme(prescription: Prescription): string {
  const unit = prescription.measure === 'seconds' ? ' s' : '';
  const counts = Array.from({ length: prescription.sets }, () => prescription.target);
  return `${formatCounts(counts, prescription.measure)} (range ${prescription.range.min}–${prescription.range.max}${unit})`;
}

export function renderNextAsJson(report: NextReport, displayUnits?: Unit): string {
  return JSON.stringify(
    {
      date: report.date,
      prescriptions: report.items.map(({ exercise, prescription }) => prescriptionAsJson(exercise.name, prescription, displayUnits)),
      milestones: report.milestones.map((milestone) => milestoneAsJson(milestone, displayUnits)),
    },
    null,
    2,
  );
}

function prescriptionAsJson(exercise: string, prescription: Prescription, displayUnits?: Unit) {
  const load: Load = displayUnits ? loadIn(prescription.load, displayUnits) : prescription.load;
  const counts = { min: prescription.range.min, max: prescription.range.max, target: prescription.target };
  return {
    exercise,
    action: prescription.action,
    load: amountOf(load),
    unit: load.unit,
    bodyweight: load.kind === 'bodyweight',
    loadText: showLoad(load, undefined),
    sets: prescription.sets,
    measure: prescription.measure,
    reps: prescription.measure === 'reps' ? counts : null,
    seconds: prescription.measure === 'seconds' ? counts : null,
    reasons: prescription.reasons,
    retest: prescription.retest,
    lastSession: prescription.lastSession,
  };
}
