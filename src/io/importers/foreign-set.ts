// What Strong, Hevy and FitNotes rows have in common once their cells are read: which rows are
// sets (and which are cardio or empty), the load, and a stable id made from the row's content.
// Pure (hashing is computation, not I/O).
import * as crypto from 'node:crypto';
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

/** What the rows of one exercise name share, worked out once. */
interface NameFacts {
  /** The name as first seen (interned). */
  name: string;
  /** `normaliseName(name)`, JSON-quoted as the row's identity has it. */
  keyJson: string;
  nameKey: string;
  /** What a weight on this exercise is: held, or assistance or added weight on the body (see `loadOf`). */
  weightedAs: 'held' | 'assisted' | 'weighted';
}

/** The sets of one exercise in one workout: their ids start alike, and they are numbered in file order. */
interface Group {
  workout: string;
  nameKey: string;
  /** `[format, workout, nameKey,` as JSON, the start of each set's identity. */
  identityStart: string;
  /** Sets so far. */
  sets: number;
}

/** One workout's start, worked out once for its rows. */
interface WorkoutFacts {
  when: DateTime;
  date: string;
  workout: string;
  workoutJson: string;
}

/**
 * Turns one row's cells into a set, or says why it is skipped. A row with reps is a set counted
 * in reps; with no reps, a distance (or an app's cardio category) makes it cardio; seconds alone
 * make a timed hold; neither, an empty row. Sets of one exercise in one workout are numbered in
 * file order, and that number is part of the id, so two identical sets stay two.
 */
export class ForeignSetBuilder {
  /** `workout NUL name key` → that exercise in that workout. */
  private readonly groups = new Map<string, Group>();
  /** Each set marker as the id has it (a handful: 1, 2, …, D, F). */
  private readonly setOrders = new Map<string, string>();
  private readonly intern = new Interner();
  /** Each spelling of a name. */
  private readonly names = new Map<string, NameFacts>();
  /** The last row's workout and group: the rows of a workout, and of an exercise in it, come together. */
  private lastWorkout: WorkoutFacts | undefined;
  private lastGroup: Group | undefined;
  private readonly source: string;
  private readonly formatJson: string;

  constructor(private readonly format: ImportFormat) {
    this.source = `import:${format}`;
    this.formatJson = JSON.stringify(format);
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

    const workout = this.workoutOf(cells.when);
    const name = this.factsOf(cells.exerciseName);
    const group = this.groupOf(workout, name);
    group.sets += 1;

    // The id hashes JSON.stringify([format, workout, nameKey, position, setOrder, weight, unit,
    // reps, seconds]), written out here with the part a group's sets share made once.
    const identity = `${group.identityStart}${group.sets},${this.setOrderJson(cells.setOrder)},${jsonNumber(cells.weight ?? 0)},"${cells.unit}",${jsonNumber(reps)},${jsonNumber(reps === null ? seconds : null)}]`;
    // normalize() changes nothing in an id (ASCII) but returns it as one flat string, where the
    // concatenation would be kept as its parts and pin the whole 64-character digest: a set held
    // until it is stored takes a third less memory.
    const uid = `${this.format}-${sha256Hex(identity).slice(0, 32)}`.normalize();

    return {
      kind: 'set',
      set: {
        line: cells.line,
        uid,
        exerciseName: name.name,
        date: workout.date,
        workout: workout.workout,
        session: null,
        setNumber: null,
        reps,
        seconds: reps === null ? seconds : null,
        load: loadOf(name.weightedAs, cells.weight, cells.unit),
        rpe: cells.rpe,
        pain: null,
        note: cells.note === null ? null : this.intern.get(cells.note),
        source: this.source,
      },
    };
  }

  private workoutOf(when: DateTime): WorkoutFacts {
    const last = this.lastWorkout;
    if (last !== undefined && last.when.date === when.date && last.when.time === when.time) return last;
    const workout = this.intern.get(when.time === null ? when.date : `${when.date}T${when.time}`);
    this.lastWorkout = { when, date: this.intern.get(when.date), workout, workoutJson: JSON.stringify(workout) };
    return this.lastWorkout;
  }

  private factsOf(exerciseName: string): NameFacts {
    let facts = this.names.get(exerciseName);
    if (facts === undefined) {
      const nameKey = normaliseName(exerciseName);
      facts = {
        name: this.intern.get(exerciseName),
        nameKey,
        keyJson: JSON.stringify(nameKey),
        weightedAs: weightedAsOf(exerciseName),
      };
      this.names.set(exerciseName, facts);
    }
    return facts;
  }

  /** The sets of this exercise in this workout. */
  private groupOf(workout: WorkoutFacts, name: NameFacts): Group {
    const last = this.lastGroup;
    if (last !== undefined && last.workout === workout.workout && last.nameKey === name.nameKey) return last;
    const key = `${workout.workout}\u0000${name.nameKey}`;
    let group = this.groups.get(key);
    if (group === undefined) {
      group = { workout: workout.workout, nameKey: name.nameKey, identityStart: `[${this.formatJson},${workout.workoutJson},${name.keyJson},`, sets: 0 };
      this.groups.set(key, group);
    }
    this.lastGroup = group;
    return group;
  }

  private setOrderJson(setOrder: string): string {
    let json = this.setOrders.get(setOrder);
    if (json === undefined) {
      json = JSON.stringify(setOrder.trim().toUpperCase());
      this.setOrders.set(setOrder, json);
    }
    return json;
  }
}

/** sha256 in hex: Node's one-shot `crypto.hash` where it has one (20.12 on), else a Hash object. */
const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function' ? (text) => crypto.hash('sha256', text, 'hex') : (text) => crypto.createHash('sha256').update(text).digest('hex');

/** A number (or null) as JSON.stringify writes it. */
function jsonNumber(value: number | null): string {
  return value !== null && Number.isFinite(value) ? String(value) : 'null';
}

/** How a name says to read its weights (see `loadOf`). */
function weightedAsOf(exerciseName: string): NameFacts['weightedAs'] {
  return /\(assisted\)/i.test(exerciseName) ? 'assisted' : /\(weighted\)/i.test(exerciseName) ? 'weighted' : 'held';
}

/**
 * The load of a row, its number and unit exactly as in the file. No weight (or 0) is bodyweight.
 * A negative weight, or any weight on an exercise the app names "(Assisted)", is assistance
 * (bodyweight minus it); "(Weighted)" is bodyweight plus it; any other weight is held.
 */
function loadOf(weightedAs: NameFacts['weightedAs'], weight: number | null, unit: Unit): Load {
  if (weight === null || weight === 0) return { kind: 'bodyweight', added: 0, unit };
  if (weight < 0) return { kind: 'bodyweight', added: weight, unit };
  if (weightedAs === 'assisted') return { kind: 'bodyweight', added: -weight, unit };
  if (weightedAs === 'weighted') return { kind: 'bodyweight', added: weight, unit };
  return { kind: 'external', value: weight, unit };
}
