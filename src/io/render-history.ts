// `rehab history` as text (grouped by day), JSON (one object per session) and CSV (one row per
// set), written a piece at a time as the entries are read: a century of history is never one
// string in memory.
import type { RunContext } from '../commands/context.js';
import { bodyweightOn, bodyweightTotal, type DatedBodyweight } from '../domain/bodyweight.js';
import type { Load, LoggedSet, Unit } from '../domain/types.js';
import { amountOf, loadIn } from '../domain/units.js';
import { CSV_RECORD_END, csvCell, csvTextCell } from './csv.js';
import { CHUNK_CHARACTERS } from './export-writer.js';
import { formatCounts, formatIds, showLoad } from './format.js';
import { formatDayRelative } from './relative-day.js';
import { fitWidth, wrapText } from './terminal-text.js';

export interface HistorySession {
  date: string;
  exerciseId: number;
  exerciseName: string;
  sets: LoggedSet[];
}

/**
 * The text of `rehab history`, in pieces that end with the output's last line break. The name
 * column is as wide as the longest of `exerciseNames` (the exercises in the dates shown).
 */
export function* renderHistoryAsText(
  view: { exerciseNames: readonly string[]; entries: Iterable<HistorySession> },
  context: Pick<RunContext, 'today' | 'displayUnits' | 'style' | 'terminalColumns'>,
  bodyweights: readonly DatedBodyweight[] = [],
): Generator<string, void, undefined> {
  const { style } = context;
  const nameWidth = view.exerciseNames.reduce((widest, name) => Math.max(widest, name.length), 0);
  // On a terminal a long line (many sets, a long note) wraps under the sets, not under the name.
  const width = fitWidth(context);
  const hanging = ' '.repeat(2 + nameWidth + 2);
  let pending = '';
  let day: string | undefined;
  for (const session of view.entries) {
    if (session.date !== day) {
      if (day !== undefined) pending += '\n\n';
      pending += style.bold(formatDayRelative(session.date, context.today));
      day = session.date;
    }
    const sets = describeSets(session.sets, context, bodyweightOn(bodyweights, session.date));
    for (const line of wrapText(sets, width, `  ${session.exerciseName.padEnd(nameWidth)}  `, hanging)) pending += `\n${line}`;
    if (pending.length >= CHUNK_CHARACTERS) {
      yield pending;
      pending = '';
    }
  }
  yield day === undefined ? 'Nothing logged yet for that. Record a session with `rehab log squat 25kg 3x8`.\n' : `${pending}\n`;
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
 * `rehab history --format json`: one array, as `JSON.stringify(sessions, null, 2)` writes it, in
 * pieces. Loads are as logged, or in `displayUnits` when `--units` asks (as in `rehab next
 * --format json`); `rehab export` always gives them as logged.
 */
export function* renderHistoryAsJson(
  sessions: Iterable<HistorySession>,
  bodyweights: readonly DatedBodyweight[] = [],
  displayUnits?: Unit,
): Generator<string, void, undefined> {
  let pending = '';
  let count = 0;
  for (const session of sessions) {
    // An element of an array indented by 2 is the element alone, indented by 2, every line moved in by 2.
    pending += `${count === 0 ? '[' : ','}\n  ${JSON.stringify(sessionJson(session, bodyweights, displayUnits), null, 2).replaceAll('\n', '\n  ')}`;
    count += 1;
    if (pending.length >= CHUNK_CHARACTERS) {
      yield pending;
      pending = '';
    }
  }
  yield count === 0 ? '[]\n' : `${pending}\n]\n`;
}

function sessionJson(session: HistorySession, bodyweights: readonly DatedBodyweight[], displayUnits: Unit | undefined) {
  const bodyweight = bodyweightOn(bodyweights, session.date);
  return {
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
        total: totalOf(set.load, bodyweight, displayUnits)?.value ?? null,
        rpe: set.rpe,
        pain: set.pain,
        note: set.note,
        source: set.source,
      };
    }),
  };
}

/** The columns of `rehab history --format csv`: one row per set, newest day first. */
export const HISTORY_CSV_COLUMNS = ['date', 'exercise', 'session', 'set', 'reps', 'seconds', 'load', 'unit', 'load_type', 'total', 'rpe', 'pain', 'note', 'id', 'uid', 'source'] as const;

/**
 * `rehab history --format csv`: RFC 4180 with a header row, text a spreadsheet would run as a
 * formula neutralised, as `rehab export` writes it. Loads as in the JSON: as logged, or in
 * `displayUnits`; `load` is the amount added for a `bodyweight` load, `total` its whole weight
 * when the body weight that day is known.
 */
export function* renderHistoryAsCsv(
  sessions: Iterable<HistorySession>,
  bodyweights: readonly DatedBodyweight[] = [],
  displayUnits?: Unit,
): Generator<string, void, undefined> {
  let pending = `${HISTORY_CSV_COLUMNS.join(',')}${CSV_RECORD_END}`;
  for (const session of sessions) {
    const bodyweight = bodyweightOn(bodyweights, session.date);
    const date = csvTextCell(session.date);
    const exercise = csvTextCell(session.exerciseName);
    for (const set of session.sets) {
      const load = displayUnits ? loadIn(set.load, displayUnits) : set.load;
      const cells = [
        date,
        exercise,
        csvCell(set.session),
        csvCell(set.setNumber),
        csvCell(set.reps),
        csvCell(set.seconds),
        csvCell(amountOf(load)),
        load.unit,
        load.kind,
        csvCell(totalOf(set.load, bodyweight, displayUnits)?.value ?? null),
        csvCell(set.rpe),
        csvCell(set.pain),
        csvTextCell(set.note),
        csvCell(set.id),
        csvTextCell(set.uid),
        csvTextCell(set.source),
      ];
      pending += `${cells.join(',')}${CSV_RECORD_END}`;
    }
    if (pending.length >= CHUNK_CHARACTERS) {
      yield pending;
      pending = '';
    }
  }
  yield pending;
}
