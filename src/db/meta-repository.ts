import type BetterSqlite3 from 'better-sqlite3';
import { ExerciseRepository, type NewExercise } from './exercise-repository.js';
import { statement } from './statements.js';

/** Settings of the log itself ('units', 'seeded_at', …), and the one-time starter programme. */
export class MetaRepository {
  constructor(private readonly db: BetterSqlite3.Database) {}

  /** The value stored under `key`, if any. */
  get(key: string): string | undefined {
    return statement(this.db, 'SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
  }

  /** Stores `value` under `key`, replacing what was there. */
  set(key: string, value: string): void {
    this.db
      .transaction(() => {
        statement(this.db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
      })
      .immediate();
  }

  /**
   * Puts the starter programme into a log that has never had it, in one immediate transaction,
   * and records 'seeded_at' so it happens once per log: archiving every exercise later does not
   * bring them back. An exercise whose name (or an alias) the user already took is skipped (or
   * loses that alias). Returns whether it seeded.
   */
  seedIfNew(exercises: NewExercise[], now: string): boolean {
    // Every command opens the log this way: a log set up already must not wait for the write
    // lock (a long import in another terminal would hold up `rehab next`).
    if (this.get('seeded_at') !== undefined) return false;
    const repository = new ExerciseRepository(this.db);
    const seed = this.db.transaction((): boolean => {
      // Read inside the write lock: two first runs at once seed only once.
      if (this.get('seeded_at') !== undefined) return false;
      for (const exercise of exercises) {
        if (repository.findByNameOrAlias(exercise.name)) continue;
        const aliases = exercise.aliases.filter((alias) => repository.findByNameOrAlias(alias) === undefined);
        repository.create({ ...exercise, aliases }, now);
      }
      this.set('seeded_at', now);
      return true;
    });
    return seed.immediate();
  }
}
