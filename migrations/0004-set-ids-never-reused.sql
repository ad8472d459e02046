-- rehab schema, version 4: a set's id is never given to another set.
-- Without AUTOINCREMENT, SQLite gives a new row the largest id + 1, so after `rehab undo` (or
-- `rehab delete`) of the newest sets the next `rehab log` got their ids again, and an id read
-- earlier (`rehab edit 812`) named another set. With it, ids only grow (sqlite.org/autoinc.html);
-- SQLite starts counting from the largest id in the table when this runs, so ids removed before
-- the upgrade from the very end of the log may be given once more, as they would have been.
-- SQLite cannot add AUTOINCREMENT to a table, so `sets` is made anew, every row copied as it is
-- (ids included), and its indexes made again (sqlite.org/lang_altertable.html, "other changes").
-- Never edited once released (see 0001-init.sql).

CREATE TABLE sets_v4 (
  -- The short id people type (`rehab edit 812`); never reused.
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  -- Stable across export → import and merging two devices' logs (SPEC §3).
  uid TEXT NOT NULL UNIQUE,
  -- No ON DELETE CASCADE: removing sets is always explicit (undo deletes the sets, then the batch).
  batch_id INTEGER NOT NULL REFERENCES batches(id),
  exercise_id INTEGER NOT NULL REFERENCES exercises(id),
  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  -- One `rehab log` is one session (SPEC §2); a second session of the same exercise on the same
  -- day is session 2. The rules engine judges sessions, so this survives export → import.
  session INTEGER NOT NULL DEFAULT 1 CHECK (session > 0),
  set_number INTEGER NOT NULL CHECK (set_number > 0),
  reps INTEGER CHECK (reps > 0),
  seconds INTEGER CHECK (seconds > 0),
  load_kind TEXT NOT NULL CHECK (load_kind IN ('external', 'bodyweight')),
  -- As entered, never converted: the weight, or the signed amount added to body weight
  -- (bw-20kg is 'bodyweight', -20, 'kg').
  load_value REAL NOT NULL,
  load_unit TEXT NOT NULL CHECK (load_unit IN ('kg', 'lb')),
  rpe REAL CHECK (rpe BETWEEN 1 AND 10),
  pain INTEGER CHECK (pain BETWEEN 0 AND 10),
  note TEXT,
  -- Where the row came from: 'typed', 'import:strong', …
  source TEXT NOT NULL,
  created_at TEXT NOT NULL,
  -- A set is counted in reps or held for seconds, never both, never neither.
  CHECK ((reps IS NULL) <> (seconds IS NULL)),
  -- An external weight cannot be negative; only assistance on a bodyweight exercise can.
  CHECK (load_kind = 'bodyweight' OR load_value >= 0)
) STRICT;

INSERT INTO sets_v4 (id, uid, batch_id, exercise_id, date, session, set_number, reps, seconds, load_kind, load_value, load_unit, rpe, pain, note, source, created_at)
  SELECT id, uid, batch_id, exercise_id, date, session, set_number, reps, seconds, load_kind, load_value, load_unit, rpe, pain, note, source, created_at
    FROM sets ORDER BY id;

DROP TABLE sets;
ALTER TABLE sets_v4 RENAME TO sets;

-- The indexes of 0001 and 0002, as they were (see there for why each is there).
CREATE INDEX sets_by_exercise_date ON sets(exercise_id, date, session, set_number);
CREATE INDEX sets_by_date ON sets(date);
CREATE INDEX sets_by_batch ON sets(batch_id);
CREATE INDEX sets_by_exercise_external_kg ON sets(
  exercise_id,
  (max(load_value, 0.0) * (CASE load_unit WHEN 'lb' THEN 0.45359237 ELSE 1.0 END)),
  date DESC
);
CREATE INDEX sets_by_exercise_e1rm ON sets(
  exercise_id,
  ((max(load_value, 0.0) * (CASE load_unit WHEN 'lb' THEN 0.45359237 ELSE 1.0 END)) * (CASE WHEN reps = 1 THEN 1.0 ELSE 1.0 + reps / 30.0 END)),
  date DESC
) WHERE reps <= 10;
