import type BetterSqlite3 from 'better-sqlite3';

const cache = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/**
 * A prepared statement for `sql` on this connection, prepared once and reused: `rehab next` runs
 * the same few queries for every exercise, and preparing them each time cost more than running them.
 * Callers that use `.pluck()` or `.raw()` must do so every time they use that SQL.
 */
export function statement(db: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let prepared = statements.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    statements.set(sql, prepared);
  }
  return prepared;
}
