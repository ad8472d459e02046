// `rehab next` as text for people and JSON for machines, from the same report.
import type { NextReport } from '../commands/next.js';
import type { RunContext } from '../commands/context.js';
import { amountOf, loadIn } from '../domain/units.js';
import type { Load, Prescription, Unit } from '../domain/types.js';
import { formatCounts, formatDay, showLoad } from './format.js';
import { milestoneAsJson, renderMilestonesBlock } from './render-milestones.js';

export function renderNextAsText(report: NextReport, context: Pick<RunContext, 'today' | 'displayUnits' | 'style'>): string {
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

  const lines = [style.bold(`Next session, as of ${formatDay(report.date, context.today)}`), ''];
  for (const row of rows) {
    const action = style.action(row.prescription.action, row.prescription.action);
    lines.push(`${style.bold(row.name.padEnd(nameWidth))}  ${row.load.padEnd(loadWidth)}  ${row.scheme.padEnd(schemeWidth)}  ${action}`);
    for (const reason of row.prescription.reasons) lines.push(style.dim(`    ${reason}`));
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
