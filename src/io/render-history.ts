// `rehab history` as text (grouped by day) and JSON (one object per session).
import type { RunContext } from '../commands/context.js';
import { bodyweightOn, bodyweightTotal, type DatedBodyweight } from '../domain/bodyweight.js';
import type { Load, LoggedSet, Unit } from '../domain/types.js';
import { amountOf, loadIn } from '../domain/units.js';
import { formatCounts, formatIds, showLoad } from './format.js';
import { formatDayRelative } from './relative-day.js';
import { fitWidth, wrapText } from './terminal-text.js';

export interface HistorySession {
  date: string;
  exerciseId: number;
  exerciseName: string;
  sets: LoggedSet[];
}

export function renderHistoryAsText(
  sessions: HistorySession[],
  context: Pick<RunContext, 'today' | 'displayUnits' | 'style' | 'terminalColumns'>,
  bodyweights: readonly DatedBodyweight[] = [],
): string {
  if (sessions.length === 0) return 'Nothing logged yet for that. Record a session with `rehab log squat 25kg 3x8`.';
  const { style } = context;
  const nameWidth = Math.max(...sessions.map((session) => session.exerciseName.length));
  // On a terminal a long line (many sets, a long note) wraps under the sets, not under the name.
  const width = fitWidth(context);
  const hanging = ' '.repeat(2 + nameWidth + 2);
  const lines: string[] = [];
  let day: string | undefined;
  for (const session of sessions) {
    if (session.date !== day) {
      if (day !== undefined) lines.push('');
      lines.push(style.bold(formatDayRelative(session.date, context.today)));
      day = session.date;
    }
    const sets = describeSets(session.sets, context, bodyweightOn(bodyweights, session.date));
    lines.push(...wrapText(sets, width, `  ${session.exerciseName.padEnd(nameWidth)}  `, hanging));
  }
  return lines.join('\n');
}

/** Sets that share a load read as one group: `25 kg 3×10 @8`, then the next load's group. */
function describeSets(sets: LoggedSet[], context: Pick<RunContext, 'displayUnits' | 'style'>, bodyweight: DatedBodyweight | undefined): string {
  const groups: LoggedSet[][] = [];
  for (const set of sets) {
    const last = groups.at(-1);
    if (last && sameLoad(last[0]!, set)) last.push(set);
    else groups.push([set]);
  }
  const parts = groups.map((group) => {
    const first = group[0]!;
    const measure = first.seconds !== null ? 'seconds' : 'reps';
    const counts = group.map((set) => set.reps ?? set.seconds ?? 0);
    const rpes = new Set(group.map((set) => set.rpe));
    const rpe = rpes.size === 1 ? first.rpe : null;
    const total = totalOf(first.load, bodyweight, context.displayUnits);
    const totalText = total === null ? '' : ` (≈ ${total.value} ${total.unit})`;
    return `${showLoad(first.load, context.displayUnits)}${totalText} ${formatCounts(counts, measure, rpe)}`;
  });
  const pains = sets.map((set) => set.pain).filter((pain): pain is number => pain !== null);
  const notes = [...new Set(sets.map((set) => set.note).filter((note): note is string => Boolean(note)))];
  const extras = [
    pains.length > 0 ? `pain ${Math.max(...pains)}/10` : '',
    notes.length > 0 ? `“${notes.join('; ')}”` : '',
    context.style.dim(formatIds(sets.map((set) => set.id))),
  ].filter(Boolean);
  return `${parts.join(', then ')}  ${extras.join('  ')}`;
}

function sameLoad(a: LoggedSet, b: LoggedSet): boolean {
  return a.load.kind === b.load.kind && a.load.unit === b.load.unit && amountOf(a.load) === amountOf(b.load);
}

/**
 * The whole weight of a `bw` load when the body weight that day is known, in the display unit (or
 * the load's own): `bw + 10 kg` at 80 kg → 90 kg. Null for external loads and unknown body weight.
 */
function totalOf(load: Load, bodyweight: DatedBodyweight | undefined, displayUnits: Unit | undefined): { value: number; unit: Unit } | null {
  if (load.kind !== 'bodyweight' || bodyweight === undefined) return null;
  const unit = displayUnits ?? load.unit;
  return { value: Math.round(bodyweightTotal(load, bodyweight.load, unit) * 10) / 10, unit };
}

/**
 * `rehab history --format json`. Loads are as logged, or in `displayUnits` when `--units` asks (as
 * in `rehab next --format json`); `rehab export` always gives them as logged.
 */
export function renderHistoryAsJson(sessions: HistorySession[], bodyweights: readonly DatedBodyweight[] = [], displayUnits?: Unit): string {
  return JSON.stringify(
    sessions.map((session) => ({
      date: session.date,
      exercise: session.exerciseName,
      sets: session.sets.map((set) => {
        const load = displayUnits ? loadIn(set.load, displayUnits) : set.load;
        return {
          id: set.id,
          uid: set.uid,
          set: set.setNumber,
          reps: set.reps,
          seconds: set.seconds,
          load: amountOf(load),
          unit: load.unit,
          bodyweight: load.kind === 'bodyweight',
          loadText: showLoad(load, undefined),
          // For a `bw` load with a known body weight that day: body weight plus the load, in `unit`.
          total: totalOf(set.load, bodyweightOn(bodyweights, session.date), displayUnits)?.value ?? null,
          rpe: set.rpe,
          pain: set.pain,
          note: set.note,
          source: set.source,
        };
      }),
    })),
    null,
    2,
  );
}
