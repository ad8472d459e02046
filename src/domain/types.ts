// domain/: pure code only. Nothing here touches the file system, the database, the clock,
// the environment or stdout; dates arrive as ISO strings ('2026-11-24') from the caller.

/** Units a load can be logged in. 1 lb = 0.45359237 kg exactly. */
export type Unit = 'kg' | 'lb';

/**
 * A load exactly as the user entered it, never converted on the way in: 55 lb stays 55 lb.
 * - external: a weight held or on the bar (`25kg`, `55lb`, a bare `25` in the user's units).
 * - bodyweight: the body plus (or minus, when assisted) an added load (`bw`, `bw+10kg`, `bw-20kg`).
 */
export type Load =
  | { kind: 'external'; value: number; unit: Unit }
  | { kind: 'bodyweight'; added: number; unit: Unit };

/**
 * What was done in one session, as typed: `3x8` → reps [8, 8, 8], `8,8,6`, `x10` → [10],
 * `3x30s` → seconds [30, 30, 30]. `@7` after a scheme is the RPE of every set.
 */
export type Scheme =
  | { kind: 'reps'; reps: number[]; rpe?: number }
  | { kind: 'seconds'; seconds: number[]; rpe?: number };

export type Equipment = 'barbell' | 'dumbbell' | 'kettlebell' | 'machine' | 'bodyweight';
export type ProgressionModel = 'double' | 'linear';
export type Measure = 'reps' | 'seconds';
export type MovementPattern = 'squat' | 'hinge' | 'bridge' | 'core' | 'other';

/** A per-unit amount, so an exercise progresses on real equipment in either unit (2.5 kg / 5 lb). */
export interface PerUnit {
  kg: number;
  lb: number;
}

/** Everything the rules engine needs to know about one exercise (SPEC §4 defaults). */
export interface ExerciseSettings {
  model: ProgressionModel;
  /** Whether sets are counted in reps or held for seconds (timed holds). */
  measure: Measure;
  sets: number;
  /** The rep range of double progression; for `linear`, `max` is the fixed rep target. */
  reps: { min: number; max: number };
  /** The hold range for timed exercises and how many seconds one progression adds. */
  seconds: { min: number; max: number; increment: number };
  equipment: Equipment;
  /** How much one progression adds. */
  increment: PerUnit;
  /** The smallest change the equipment allows; every prescribed load is a multiple of it. */
  step: PerUnit;
  /** The load of the very first session. */
  start: Load;
  pattern: MovementPattern;
  /** Milestone thresholds and messages; absent (or any field absent) → the defaults in src/domain/milestones.ts. */
  milestones?: MilestoneSettings;
}

/**
 * Per-exercise milestone settings (SPEC §4.1). Every field is optional: a missing one takes its
 * default, an empty list turns that kind of milestone off for the exercise.
 */
export interface MilestoneSettings {
  /**
   * External-load marks in kg (the suitcase band): reached when a set's external load (any unit)
   * reaches each. Default [20, 30] for a squat-pattern exercise whose first session was at
   * bodyweight, else none.
   */
  loadsKg?: number[];
  /** Shown when a load mark is reached. Default: the seed's "re-evaluate now" message. */
  loadMessage?: string;
  /** Estimated-1RM marks as percentages of the start's e1RM. Default [150, 200] (up 50 % and 100 %). */
  e1rmPercents?: number[];
  /** Shown when an e1RM mark is reached. */
  e1rmMessage?: string;
  /**
   * Marks as multiples of body weight, reached when the external load reaches that share of the
   * latest body weight. Default hinge [1], squat [0.3], else none.
   */
  bodyweightRatios?: number[];
  /** Shown when a body-weight mark is reached. */
  bodyweightMessage?: string;
}

export interface Exercise {
  id: number;
  name: string;
  aliases: string[];
  archived: boolean;
  settings: ExerciseSettings;
}

/** One set as the rules engine sees it. */
export interface SessionSet {
  reps: number | null;
  seconds: number | null;
  load: Load;
  rpe: number | null;
  /** Pain during the exercise, 0–10. */
  pain: number | null;
}

/** What a set holds as typed, before it has an id or a place in the log: a SessionSet and its note. */
export interface SetValues extends SessionSet {
  note: string | null;
}

/** The sets of one session of one exercise (one `rehab log`). */
export interface Session {
  date: string;
  sets: SessionSet[];
}

/** A next-morning pain check-in, 0–10. */
export interface PainCheckin {
  date: string;
  pain: number;
}

/** What a prescription tells the user to do, and the word the output leads with. */
export type Action = 'start' | 'progress' | 'hold' | 'deload' | 'regress' | 'resume';

/** The next session of one exercise, with the reasons for it in plain words. */
export interface Prescription {
  action: Action;
  load: Load;
  sets: number;
  measure: Measure;
  /** The reps (or seconds) to aim for in every set; what `rehab log` records when no scheme is given. */
  target: number;
  /** The rep (or seconds) range the exercise works in. */
  range: { min: number; max: number };
  reasons: string[];
  /** True after a long layoff: the load is a guess, so re-test before trusting it. */
  retest: boolean;
  /** The date of the last session the prescription is based on, if any. */
  lastSession: string | null;
}

/** One stored set, as read back from the log. */
export interface LoggedSet extends SetValues {
  /** Short local id people type (`rehab edit 812`). */
  id: number;
  /** Stable unique id that survives export → import and merging two devices' logs. */
  uid: string;
  exerciseId: number;
  date: string;
  /** Which session of this exercise on this date: 1, or 2 for a second `rehab log` that day. */
  session: number;
  setNumber: number;
  /** Where the row came from: 'typed', or 'import:strong' and the like. */
  source: string;
}
