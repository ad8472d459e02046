// What `rehab init` did (or, before the last question, will do), in words.
import type { ProgrammeExercise, SetupChange } from '../domain/setup-plan.js';
import type { Load, Unit } from '../domain/types.js';
import { formatLoad } from '../domain/units.js';
import { formatDay } from './format.js';

/** A set-up, as data: what the log will be, and what changed. */
export interface SetupReport {
  dbPath: string;
  /** A log set up now, rather than one set up before whose settings change. */
  isNew: boolean;
  /** `from` is null for a new log. */
  units: { from: Unit | null; to: Unit };
  /** The body weight given: recorded, or the same as the latest one already recorded. */
  bodyweight: { load: Load; date: string; recorded: boolean } | null;
  /** The whole programme after set-up, archived exercises included. */
  programme: ProgrammeExercise[];
  changes: SetupChange[];
}

/** The summary: for a new log, everything it starts with; for one set up before, each change. */
export function renderSetup(report: SetupReport, today: string): string {
  const active = report.programme.filter((exercise) => !exercise.archived);
  const lines: string[] = [];
  if (report.isNew) {
    const left = report.changes.filter((change) => change.kind === 'drop').map((change) => change.name);
    lines.push(`A new log at ${report.dbPath}:`);
    lines.push(`  Units        ${report.units.to}`);
    lines.push(
      `  Body weight  ${report.bodyweight ? `${formatLoad(report.bodyweight.load)} (${formatDay(report.bodyweight.date, today)})` : 'not given (record it any time with `rehab bodyweight`)'}`,
    );
    const width = Math.max(0, ...active.map((exercise) => exercise.name.length));
    active.forEach((exercise, index) => {
      lines.push(`  ${index === 0 ? 'Programme  ' : '           '}  ${exercise.name.padEnd(width)}  starts at ${formatLoad(exercise.settings.start)}`);
    });
    if (active.length === 0) lines.push('  Programme    none yet (add exercises with `rehab exercise add`)');
    if (left.length > 0) lines.push(`  Left out     ${left.join(', ')}`);
    return lines.join('\n');
  }

  // The body weight given again, as already recorded, is said but is no change.
  const units = report.units.from !== null && report.units.from !== report.units.to ? [`Units: ${report.units.from} → ${report.units.to}. Loads already logged stay as they were logged; a bare number now means ${report.units.to}.`] : [];
  const weight = report.bodyweight ? [report.bodyweight.recorded ? `Body weight: ${formatLoad(report.bodyweight.load)} (${formatDay(report.bodyweight.date, today)}).` : `Body weight: ${formatLoad(report.bodyweight.load)}, as already recorded.`] : [];
  const programme = report.changes.map(describeChange);
  const changes = units.length + programme.length + (report.bodyweight?.recorded ? 1 : 0);
  lines.push(changes > 0 ? `Changes to the log at ${report.dbPath} (what you logged stays as it is):` : `Nothing to change in the log at ${report.dbPath}.`);
  for (const line of [...units, ...weight, ...programme]) lines.push(`  ${line}`);
  lines.push(`  Programme: ${active.map((exercise) => exercise.name).join(', ') || 'none'}.`);
  return lines.join('\n');
}

function describeChange(change: SetupChange): string {
  switch (change.kind) {
    case 'add': {
      const { settings } = change;
      const range = settings.measure === 'seconds' ? `${settings.seconds.min}–${settings.seconds.max} s` : `${settings.reps.min}–${settings.reps.max}`;
      return `Added ${change.name} (${settings.equipment}, ${settings.sets}×${range}, starts at ${formatLoad(settings.start)}).`;
    }
    case 'drop':
      return `Archived ${change.name}${change.hasSets ? ': its history stays' : ''}; \`rehab exercise unarchive "${change.name}"\` brings it back.`;
    case 'bring back':
      return `Brought back ${change.name}.`;
    case 'start':
      return `${change.name} starts at ${formatLoad(change.to)} (was ${formatLoad(change.from)}${change.why === 'units' ? ', in the old units' : ''}).`;
  }
}
