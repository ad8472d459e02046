import type BetterSqlite3 from 'better-sqlite3';
import type { Exercise, ExerciseSettings } from '../domain/types.js';
import { InternalError, runtimeError, usageError } from '../errors.js';
import { storedSettingsProblem } from './stored-settings.js';
import { statement } from './statements.js';

/** What it takes to add an exercise. */
export interface NewExercise {
  name: string;
  aliases: string[];
  settings: ExerciseSettings;
}

/** What `update` changes; anything left out stays as it is. */
export interface ExerciseChanges {
  name?: string;
  /** The new aliases, all of them. */
  aliases?: string[];
  settings?: ExerciseSettings;
  archived?: boolean;
}

interface ExerciseRow {
  id: number;
  name: string;
  settings: string;
  archived: number;
}

/**
 * How names and aliases are stored and looked up: trimmed, runs of spaces made one. Case is
 * ignored by the columns' NOCASE collation (ASCII letters, which is what people type here).
 */
export function normalizeExerciseName(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/** The exercises of the log, their aliases and settings. */
export class ExerciseRepository {
  constructor(private readonly db: BetterSqlite3.Database) {}

  /** All exercises, ordered by id; archived ones only when asked. */
  list(options: { includeArchived?: boolean } = {}): Exercise[] {
    const rows = statement(this.db, `SELECT id, name, settings, archived FROM exercises ${options.includeArchived ? '' : 'WHERE archived = 0'} ORDER BY id`)
      .all() as ExerciseRow[];
    const aliases = new Map<number, string[]>();
    const aliasRows = statement(this.db, 'SELECT alias, exercise_id AS exerciseId FROM exercise_aliases ORDER BY exercise_id, rowid').all() as Array<{
      alias: string;
      exerciseId: number;
    }>;
    for (const { alias, exerciseId } of aliasRows) {
      const list = aliases.get(exerciseId);
      if (list) list.push(alias);
      else aliases.set(exerciseId, [alias]);
    }
    return rows.map((row) => toExercise(row, aliases.get(row.id) ?? []));
  }

  /** The exercise with this id, archived or not. */
  findById(id: number): Exercise | undefined {
    const row = statement(this.db, 'SELECT id, name, settings, archived FROM exercises WHERE id = ?').get(id) as ExerciseRow | undefined;
    return row && toExercise(row, this.aliasesOf(row.id));
  }

  /**
   * The exercise `text` names, by name first, then by alias: case-insensitive, ignoring spaces
   * around and between words. Archived exercises are found too (see `archived`).
   */
  findByNameOrAlias(text: string): Exercise | undefined {
    const key = normalizeExerciseName(text);
    if (key === '') return undefined;
    const row = statement(this.db, 
        `SELECT id, name, settings, archived, 0 AS rank FROM exercises WHERE name = @key
         UNION ALL
         SELECT e.id, e.name, e.settings, e.archived, 1 AS rank
           FROM exercise_aliases a JOIN exercises e ON e.id = a.exercise_id
          WHERE a.alias = @key
         ORDER BY rank
         LIMIT 1`,
      )
      .get({ key }) as ExerciseRow | undefined;
    return row && toExercise(row, this.aliasesOf(row.id));
  }

  /**
   * Adds an exercise in one immediate transaction. A name or alias already used by any exercise
   * (archived ones included) is a usage error naming it; an alias equal to the name is dropped.
   */
  create(input: NewExercise, now: string = new Date().toISOString()): Exercise {
    const name = normalizeExerciseName(input.name);
    if (name === '') throw usageError('An exercise needs a name.');
    const aliases = distinctAliases(name, input.aliases);
    for (const word of [name, ...aliases]) checkVisibleText(word);
    const settings = JSON.stringify(input.settings);

    const insert = this.db.transaction((): number => {
      for (const word of [name, ...aliases]) {
        const taken = this.owner(word);
        if (taken) throw nameTaken(word, taken);
      }
      const { lastInsertRowid } = statement(this.db, 'INSERT INTO exercises (name, settings, archived, created_at) VALUES (?, ?, 0, ?)')
        .run(name, settings, now);
      const id = Number(lastInsertRowid);
      const addAlias = statement(this.db, 'INSERT INTO exercise_aliases (alias, exercise_id) VALUES (?, ?)');
      for (const alias of aliases) addAlias.run(alias, id);
      return id;
    });
    const id = insert.immediate();
    return { id, name, aliases, archived: false, settings: structuredClone(input.settings) };
  }

  /**
   * Changes an exercise in place, in one immediate transaction: its id, and so its history, stay.
   * Any of the name, the aliases (replaced as a whole), the settings and `archived`; what is not
   * given stays. The same rules as `create`: a name or alias another exercise uses is a usage
   * error naming it, an alias equal to the name is dropped. The stored settings are not read,
   * so damaged ones can be replaced. Returns the exercise as stored.
   */
  update(id: number, changes: ExerciseChanges): Exercise {
    const write = this.db.transaction((): void => {
      const row = statement(this.db, 'SELECT id, name, settings, archived FROM exercises WHERE id = ?').get(id) as ExerciseRow | undefined;
      if (!row) throw new InternalError(`No exercise has id ${id}.`);
      const name = changes.name === undefined ? row.name : normalizeExerciseName(changes.name);
      if (name === '') throw usageError('An exercise needs a name.');
      const aliases = distinctAliases(name, changes.aliases ?? this.aliasesOf(id));
      for (const word of [name, ...aliases]) checkVisibleText(word);
      for (const word of [name, ...aliases]) {
        const taken = this.owner(word, id);
        if (taken) throw nameTaken(word, taken);
      }
      const settings = changes.settings === undefined ? row.settings : JSON.stringify(changes.settings);
      const archived = changes.archived === undefined ? row.archived : changes.archived ? 1 : 0;
      statement(this.db, 'UPDATE exercises SET name = ?, settings = ?, archived = ? WHERE id = ?').run(name, settings, archived, id);
      statement(this.db, 'DELETE FROM exercise_aliases WHERE exercise_id = ?').run(id);
      const addAlias = statement(this.db, 'INSERT INTO exercise_aliases (alias, exercise_id) VALUES (?, ?)');
      for (const alias of aliases) addAlias.run(alias, id);
    });
    write.immediate();
    const updated = this.findById(id);
    if (!updated) throw new InternalError(`Exercise ${id} vanished while it was updated.`);
    return updated;
  }

  /** Which exercise already uses `word` as its name or an alias (settings not parsed). */
  private owner(word: string, except?: number): { id: number; name: string; archived: boolean } | undefined {
    const row = statement(this.db, 
        `SELECT id, name, archived, 0 AS rank FROM exercises WHERE name = @word AND id IS NOT @except
         UNION ALL
         SELECT e.id, e.name, e.archived, 1 AS rank FROM exercise_aliases a JOIN exercises e ON e.id = a.exercise_id
          WHERE a.alias = @word AND e.id IS NOT @except
         ORDER BY rank
         LIMIT 1`,
      )
      .get({ word, except: except ?? null }) as { id: number; name: string; archived: number } | undefined;
    return row && { id: row.id, name: row.name, archived: row.archived === 1 };
  }

  private aliasesOf(exerciseId: number): string[] {
    return statement(this.db, 'SELECT alias FROM exercise_aliases WHERE exercise_id = ? ORDER BY rowid').pluck().all(exerciseId) as string[];
  }
}

/** The refusal of a name or alias that another exercise already uses. */
function nameTaken(word: string, taken: { name: string; archived: boolean }): Error {
  return usageError(
    word.toLowerCase() === taken.name.toLowerCase()
      ? `There is already an exercise called "${taken.name}"${taken.archived ? ' (archived)' : ''}.`
      : `"${word}" already names the exercise "${taken.name}"${taken.archived ? ' (archived)' : ''}.`,
    'Pick another name or alias.',
  );
}

/** Normalised, without blanks, without the name itself, each once (ignoring case). */
/**
 * Names and aliases are visible text. A control character would break every table that shows the
 * name, and SQLite ends text at a NUL, so "\u0000" would even pass for an empty name.
 */
function checkVisibleText(word: string): void {
  if (/[\u0000-\u001f\u007f]/.test(word)) {
    throw usageError(`The exercise name ${JSON.stringify(word)} contains a control character.`, 'Use letters, digits, spaces and punctuation.');
  }
}

function distinctAliases(name: string, aliases: string[]): string[] {
  const seen = new Set([name.toLowerCase()]);
  const result: string[] = [];
  for (const alias of aliases.map(normalizeExerciseName)) {
    if (alias === '' || seen.has(alias.toLowerCase())) continue;
    seen.add(alias.toLowerCase());
    result.push(alias);
  }
  return result;
}

function toExercise(row: ExerciseRow, aliases: string[]): Exercise {
  return { id: row.id, name: row.name, aliases, archived: row.archived === 1, settings: parseSettings(row) };
}

/** Settings come back from the file, which a crash, a disk or a hand edit may have damaged. */
function parseSettings(row: ExerciseRow): ExerciseSettings {
  let json: unknown;
  try {
    json = JSON.parse(row.settings);
  } catch (error) {
    throw damagedSettings(row, 'they are not valid JSON', error);
  }
  const problem = storedSettingsProblem(json);
  if (problem !== null) throw damagedSettings(row, problem, undefined);
  return json as ExerciseSettings;
}

function damagedSettings(row: ExerciseRow, detail: string, cause: unknown): Error {
  return runtimeError(
    `The stored settings of the exercise "${row.name}" (id ${row.id}) are damaged (${detail}).`,
    'Set them again with `rehab exercise set`, or restore the log from a backup.',
    cause,
  );
}
