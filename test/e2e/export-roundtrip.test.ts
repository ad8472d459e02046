// SPEC §5: "An export re-imported into an empty log reproduces it exactly." A property test
// through the built binary: random logs (commas, quotes, line breaks, unicode, formula-like
// names and notes, lb and kg, bodyweight and assisted loads, timed sets) go export → import into
// an empty log → export, and the two exports must be byte-identical, in CSV, JSON and JSONL.
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExerciseRepository } from '../../src/db/exercise-repository.js';
import { openDatabase } from '../../src/db/open-database.js';
import { SetRepository, type NewSet } from '../../src/db/set-repository.js';
import type { Load } from '../../src/domain/types.js';
import { settings } from '../db/fixtures.js';
import { makeSandbox, type Sandbox } from './run-rehab.js';

/** A new log as rehab makes it (migrated, starter programme), copied for every run: one spawn saved each time. */
let template: Sandbox;
beforeAll(() => {
  template = makeSandbox();
  expect(template.run(['next']).code).toBe(0);
});
afterAll(() => template.cleanup());

const NOW = '2026-11-24T07:00:00.000Z';

/** Text that breaks naive CSV and JSON handling, mixed into arbitrary unicode. */
const nastyText = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
  fc
    .array(
      fc.constantFrom(',', '"', '\n', '\r\n', "'", '=', '+', '-', '@', '\t', ' ', 'é', '✓', '😀', '漢', 'a', '1', '\u2028', '=SUM(A1)', '-2+3', '@x', "'=x"),
      { minLength: 1, maxLength: 10 },
    )
    .map((parts) => parts.join('')),
);

const amount = (min: number, max: number) => fc.integer({ min: min * 1000, max: max * 1000 }).map((n) => n / 1000);
const unit = fc.constantFrom<'kg' | 'lb'>('kg', 'lb');
const load: fc.Arbitrary<Load> = fc.oneof(
  fc.record({ kind: fc.constant('external' as const), value: amount(0.001, 1000), unit }),
  fc.record({ kind: fc.constant('bodyweight' as const), added: fc.oneof(fc.constant(0), amount(-100, 100)), unit }),
);
const isoDate = fc.date({ min: new Date('1990-01-01T12:00:00Z'), max: new Date('2025-12-31T12:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const session = fc.record({
  exercise: fc.nat(),
  date: isoDate,
  timed: fc.boolean(),
  source: fc.constantFrom('typed', 'import:strong', 'import:hevy', 'import:rehab'),
  sets: fc.array(
    fc.record({
      count: fc.integer({ min: 1, max: 100 }),
      load,
      rpe: fc.option(fc.integer({ min: 2, max: 20 }).map((n) => n / 2), { nil: null }),
      pain: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
      note: fc.option(nastyText, { nil: null }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
});

const randomLog = fc.record({
  names: fc.array(nastyText, { minLength: 1, maxLength: 4 }),
  sessions: fc.array(session, { minLength: 1, maxLength: 6 }),
});

type RandomLog = typeof randomLog extends fc.Arbitrary<infer T> ? T : never;

/** Writes the random log straight into a new rehab log (through the repositories: fast). */
function fill(file: string, log: RandomLog): void {
  const { db } = openDatabase(file);
  try {
    const exercises = new ExerciseRepository(db);
    const sets = new SetRepository(db);
    const ids = log.names.map((name) => {
      // A name that is empty once tidied, or already a name or alias, uses the exercise it names.
      if (name.trim() === '') return exercises.list()[0]!.id;
      return (exercises.findByNameOrAlias(name) ?? exercises.create({ name, aliases: [], settings: settings() }, NOW)).id;
    });
    for (const s of log.sessions) {
      sets.logSession({
        exerciseId: ids[s.exercise % ids.length]!,
        date: s.date,
        sets: s.sets.map(
          (set): NewSet => ({
            reps: s.timed ? null : set.count,
            seconds: s.timed ? set.count * 5 : null,
            load: set.load,
            rpe: set.rpe,
            pain: set.pain,
            note: set.note,
          }),
        ),
        source: s.source,
        summary: 'random',
        now: NOW,
      });
    }
  } finally {
    db.close();
  }
}

/** Every stored set, as the log holds it, in a fixed order. */
function storedSets(file: string): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT s.uid, s.date, e.name, s.session, s.set_number, s.reps, s.seconds, s.load_kind, s.load_value, s.load_unit, s.rpe, s.pain, s.note, s.source
           FROM sets s JOIN exercises e ON e.id = s.exercise_id ORDER BY s.uid`,
      )
      .raw(true)
      .all();
  } finally {
    db.close();
  }
}

describe('export → import into an empty log → export is byte-identical', () => {
  it.each(['csv', 'json', 'jsonl'])('%s', (format) => {
    fc.assert(
      fc.property(randomLog, (log) => {
        const sandbox = makeSandbox();
        try {
          copyFileSync(template.db, sandbox.db);
          fill(sandbox.db, log);
          const first = path.join(sandbox.dir, `first.${format}`);
          const second = path.join(sandbox.dir, `second.${format}`);
          const emptyLog = path.join(sandbox.dir, 'empty.db');
          copyFileSync(template.db, emptyLog);

          const exported = sandbox.run(['export', '--format', format, '-o', first]);
          expect(exported.code, exported.stderr).toBe(0);
          const imported = sandbox.run(['--db', emptyLog, 'import', first, '--from', 'rehab']);
          expect(imported.code, imported.stderr).toBe(0);
          const again = sandbox.run(['--db', emptyLog, 'export', '--format', format, '-o', second]);
          expect(again.code, again.stderr).toBe(0);

          expect(readFileSync(second).equals(readFileSync(first)), `${format} differs:\n${readFileSync(first, 'utf8')}\n---\n${readFileSync(second, 'utf8')}`).toBe(true);
          // Identical bytes could hide a loss both exports share (a note's leading quote, say): the logs must match too.
          expect(storedSets(emptyLog)).toEqual(storedSets(sandbox.db));
        } finally {
          sandbox.cleanup();
        }
      }),
      { numRuns: 12 },
    );
  }, 240_000);
});
