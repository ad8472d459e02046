-- rehab schema, version 1.
-- Migrations are never edited once released: a released file may already have run on someone's
-- log, so every later change is a new numbered file (0002-…). src/db/migrate.ts runs each file
-- and its `PRAGMA user_version` bump in one immediate transaction; no BEGIN/COMMIT in here.
-- STRICT tables: a value of the wrong type is refused instead of silently stored.

-- Settings of the log itself: 'units' → 'kg' | 'lb', 'seeded_at' → when the starter programme went in.
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE exercises (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
  -- JSON of ExerciseSettings (src/domain/types.ts), validated by src/db/exercise-settings-schema.ts.
  settings TEXT NOT NULL CHECK (json_valid(settings)),
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;

-- Other words that name an exercise (`squat` → `Goblet squat`).
CREATE TABLE exercise_aliases (
  alias TEXT PRIMARY KEY COLLATE NOCASE CHECK (length(trim(alias)) > 0),
  exercise_id INTEGER NOT NULL REFERENCES exercises(id) ON DELETE CASCADE
) STRICT;

CREATE INDEX exercise_aliases_by_exercise ON exercise_aliases(exercise_id);

-- What one `rehab log` (or one import) added, so that `rehab undo` can remove exactly that.
CREATE TABLE batches (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('log', 'import')),
  summary TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE sets (
  -- The short id people type (`rehab edit 812`).
  id INTEGER PRIMARY KEY,
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

-- The rules engine's query: the last N sessions of one exercise (recent sessions, with LIMIT).
CREATE INDEX sets_by_exercise_date ON sets(exercise_id, date, session, set_number);
-- History and export by date range across exercises.
CREATE INDEX sets_by_date ON sets(date);
-- `rehab undo`: the sets one batch added.
CREATE INDEX sets_by_batch ON sets(batch_id);
