import path from 'node:path';
import { test } from 'vitest';
import { openDatabase } from '../../src/db/open-database.js';
import { RECENT_SESSIONS_SQL } from '../../src/db/set-repository.js';
import { tempFolder } from './fixtures.js';
test('plan', () => {
  const { db } = openDatabase(path.join(tempFolder(), 'r.db'));
  console.log(db.prepare(`EXPLAIN QUERY PLAN ${RECENT_SESSIONS_SQL}`).all({ exerciseId: 1, until: '2026-11-24', limit: 6 }));
  db.close();
});
