// What Strong, Hevy and FitNotes rows have in common once their cells are read: which rows are
// sets (and which are cardio or empty), the load, and a stable id made from the row's content.
// Pure (hashing is computation, not I/O).
import { createHash } from 'node:crypto';
import { normaliseName } from '../../domain/exercise-names.js';
import type { Load, Unit } from '../../domain/types.js';
import type { DateTime } from './fields.js';
import { Interner } from './interner.js';
import type { ImportFormat, RowOutcome } from './types.js';

/** The cells of one row of another app's export, read into values. */
export interface ForeignCells {
  line: number;
  when: DateTime;
  exerciseName: string;
  /** The app's own set marker as written (`1`, `D`, a set_index), part of the row's identity. */
  setOrder: string;
  /** The weight as in the file, null when empty. */
  weight: number | null;
  unit: Unit;
  reps: number | null;
  seconds: number | null;
  distance: number | null;
  rpe: number | null;
  note: string | null;
  /** The app files the exercise under cardio (FitNotes' Category). */
  cardio?: boolean;
}

/**
 * A hold longer than this with no weight is an endurance bout (a bike, a walk), not a strength
 * set: no plank in a rehab programme lasts 10 minutes [design]. Shorter ones are timed holds.
 */
const LONGEST_BODYWEIGHT_HOLD_SECONDS = 600;

/**
 * Turns one row's cells into a set, or says why it is skipped. A row with reps is a set counted
 * in reps; with no reps, a distance (or an app's cardio category) makes it cardio; seconds alone
 * make a timed hold; neither, an empty row. Sets of one exercise in one workout are numbered in
 * file order, and that number is part of the id, so two identical sets stay two.
 */
export class ForeignSetBuilder {
  private readonly positions = new Map<string, number>();
  private readonly intern = new Interner();
  /** Each spelling of a name, normalised once. */
  private readonly nameKeys = new Map<string, string>();
  private readonly source: string;

  constructor(private readonly format: ImportFormat) {
    this.source = `import:${format}`;
  }

  build(cells: ForeignCells): RowOutcome {
    const reps = cells.reps !== null && cells.reps > 0 ? cells.reps : null;
    const seconds = cells.seconds !== null && cells.seconds > 0 ? cells.seconds : null;
    const weighted = cells.weight !== null && cells.weight !== 0;
    if (reps === null) {
      if ((cells.distance !== null && cells.distance > 0) || cells.cardio) return { kind: 'skip', reason: 'cardio' };
      if (seconds === null) return { kind: 'skip', reason: 'empty' };
      if (!weighted && seconds > LONGEST_BODYWEIGHT_HOLD_SECONDS) return { kind: 'skip', reason: 'cardio' };
      if (!Number.isInteger(seconds)) {
        return { kind: 'invalid', problem: { line: cells.line, reason: `the time ${seconds} s is not a whole number of seconds` } };
      }
    }

    const workout = cells.when.time === null ? cells.when.date : `${cells.when.date}T${cells.when.time}`;
    let nameKey = this.nameKeys.get(cells.exerciseName);
    if (nameKey === undefined) {
      nameKey = normaliseName(cells.exerciseName);
      this.nameKeys.set(cells.exerciseName, nameKey);
    }
    const groupKey = `${workout}\u0000${nameKey}`;
    const position = (this.positions.get(groupKey) ?? 0) + 1;
    this.positions.set(groupKey, position);

    const identity = [this.format, workout, nameKey, position, cells.setOrder.trim().toUpperCase(), cells.weight ?? 0, cells.unit, reps, reps === null ? seconds : null];
    const uid = `${this.format}-${createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 32)}`;

    return {
      kind: 'set',
      set: {
        line: cells.line,
        uid,
        exerciseName: this.intern.get(cells.exerciseName),
        date: this.intern.get(cells.when.date),
        workout: this.intern.get(workout),
        session: null,
        setNumber: null,
        reps,
        seconds: reps === null ? seconds : null,
        load: foreignLoad(cells.exerciseName, cells.weight, cells.unit),
        rpe: cells.rpe,
        pain: null,
        note: cells.note === null ? null : this.intern.get(cells.note),
        source: this.source,
      },
    };
  }
}

/**
 * The load of a row, its number and unit exactly as in the file. No weight (or 0) is bodyweight.
 * A negative weight, or any weight on an exercise the app names "(Assisted)", is assistance
 * (bodyweight minus it); "(Weighted)" is bodyweight plus it; any other weight is held.
 */
export function foreignLoad(exerciseName: string, weight: number | null, unit: Unit): Load {
  if (weight === null || weight === 0) return { kind: 'bodyweight', added: 0, unit };
  if (weight < 0) return { kind: 'bodyweight', added: weight, unit };
  if (/\(assisted\)/i.test(exerciseName)) return { kind: 'bodyweight', added: -weight, unit };
  if (/\(weighted\)/i.test(exerciseName)) return { kind: 'bodyweight', added: weight, unit };
  return { kind: 'external', value: weight, unit };
}
