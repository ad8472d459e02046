-- rehab schema, version 2: next-morning pain check-ins, body weights, acknowledged milestones, and
-- the indexes that let milestones read "the heaviest ever" and "the best e1RM ever" of an exercise
-- as one index lookup. Never edited once released (see 0001-init.sql).

-- `rehab pain N`: several a day are allowed; the latest of a day (highest id) is the one that counts.
CREATE TABLE pain_checkins (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  pain INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
  note TEXT,
  created_at TEXT NOT NULL
) STRICT;

-- The rules engine reads the check-ins of a few weeks before a date; (date, id) finds the latest of each day.
CREATE INDEX pain_checkins_by_date ON pain_checkins(date, id);

-- `rehab bodyweight 82.5kg`: as entered, never converted. The latest of a day (highest id) counts.
CREATE TABLE bodyweights (
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  value REAL NOT NULL CHECK (value > 0),
  unit TEXT NOT NULL CHECK (unit IN ('kg', 'lb')),
  created_at TEXT NOT NULL
) STRICT;

-- "The body weight on or before a date": one backward step through this index.
CREATE INDEX bodyweights_by_date ON bodyweights(date, id);

-- `rehab milestones --ack ID`. Milestones themselves are derived from the log, never stored; only
-- the user's "seen it" is. Ids are stable words such as 'review-6w' or 'suitcase-20kg:goblet-squat'.
CREATE TABLE milestone_acks (
  milestone_id TEXT PRIMARY KEY CHECK (length(trim(milestone_id)) > 0),
  acknowledged_at TEXT NOT NULL
) STRICT;

-- The external load of a set in kg: the weight held, or what is added to the body (assistance adds
-- nothing). 1 lb = 0.45359237 kg. src/db/milestone-repository.ts repeats this expression word for
-- word: SQLite uses an expression index only for the identical expression.
-- With date DESC last, a backward walk yields the heaviest first and, among equals, the earliest
-- date first, so "the heaviest load ever and when" is the first row of the walk.
CREATE INDEX sets_by_exercise_external_kg ON sets(
  exercise_id,
  (max(load_value, 0.0) * (CASE load_unit WHEN 'lb' THEN 0.45359237 ELSE 1.0 END)),
  date DESC
);

-- The Epley estimated 1RM of a set in kg, w·(1 + r/30), and w itself for a single rep; only sets
-- of 10 reps or fewer (Reynolds 2006: the equations are unreliable above 10), hence the partial index.
CREATE INDEX sets_by_exercise_e1rm ON sets(
  exercise_id,
  ((max(load_value, 0.0) * (CASE load_unit WHEN 'lb' THEN 0.45359237 ELSE 1.0 END)) * (CASE WHEN reps = 1 THEN 1.0 ELSE 1.0 + reps / 30.0 END)),
  date DESC
) WHERE reps <= 10;
