/**
 * The columns of rehab's own CSV export, in order: one row per set. The export writes them and
 * the importer recognises rehab's files by them, so both read this one list.
 * - id: the set's stable unique id (uid), so a re-import never duplicates a set;
 * - date: YYYY-MM-DD; session: 1, or 2 for a second session of the exercise that day;
 * - set: the set number within the session; reps or seconds (one of the two);
 * - load, unit: as logged (55 lb stays 55, lb); load_type: external or bodyweight (then load is
 *   the signed amount added to body weight); load_kg: load in kg, for spreadsheets;
 * - rpe, pain (during the exercise, 0–10), note, source ('typed', 'import:strong', …).
 */
export const EXPORT_COLUMNS = [
  'id',
  'date',
  'exercise',
  'session',
  'set',
  'reps',
  'seconds',
  'load',
  'unit',
  'load_type',
  'load_kg',
  'rpe',
  'pain',
  'note',
  'source',
] as const;

export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
