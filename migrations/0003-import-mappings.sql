-- rehab schema, version 3: remembered exercise-name mappings of `rehab import`.
-- When an import maps a name from another app's export ("Squat (Barbell)" in a Strong file) to a
-- rehab exercise, by --map, by name or by creating it, the mapping is kept here so the next import
-- of that app's files maps it the same way, even after the exercise is renamed.

CREATE TABLE import_mappings (
  -- The app the name comes from: 'rehab', 'strong', 'hevy', 'fitnotes'.
  source_format TEXT NOT NULL CHECK (source_format IN ('rehab', 'strong', 'hevy', 'fitnotes')),
  -- Trimmed, runs of spaces made one; compared ignoring (ASCII) case, like exercise names.
  foreign_name TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(foreign_name)) > 0),
  exercise_id INTEGER NOT NULL REFERENCES exercises(id) ON DELETE CASCADE,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (source_format, foreign_name)
) STRICT;

CREATE INDEX import_mappings_by_exercise ON import_mappings(exercise_id);
