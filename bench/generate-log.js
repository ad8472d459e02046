// Deterministic, realistic rehab logs for the benchmark: 5 to 50 exercises, 3–4 sessions a
// week, sets with RPE, pain and notes, next-morning pain check-ins after most sessions, going back
// from a fixed date. The database is created by rehab itself (so it has every migration and the
// starter programme); the sets and check-ins go in with SQL.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3');
const BIN = fileURLToPath(new URL('../bin/rehab.js', import.meta.url));

/** mulberry32: a tiny seeded PRNG, so every run generates the same log. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOTES = ['felt strong', 'left hip tight, eased off', 'slept badly', 'new shoes', 'back ok, "good" day', 'tempo 3-1-1, paused'];

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

/** The schema version of the log in `file` (`PRAGMA user_version`). */
export function schemaVersion(file) {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true });
  } finally {
    db.close();
  }
}

/** The day the generated logs end on. */
export const LAST_DAY = '2026-11-20';

/**
 * Creates `file` with about `sets` sets ending on `lastDay` (YYYY-MM-DD): about 20 sets a session
 * (SPEC §6: a heavy user logs ~20 sets a session, 4 sessions a week), over 20 exercises at every
 * size, so that sizes compare like with like (the issue allows 5 to 50).
 */
export function generateLog(file, { sets, exercises = 20, lastDay = LAST_DAY, seed = 42 }) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  const created = spawnSync(process.execPath, [BIN, '--db', file, 'next'], { encoding: 'utf8' });
  if (created.status !== 0) throw new Error(`rehab could not create ${file}: ${created.stderr}`);

  const db = new Database(file);
  const next = random(seed);
  const now = '2026-11-20T08:00:00.000Z';
  const template = db.prepare('SELECT settings FROM exercises ORDER BY id LIMIT 1').pluck().get();
  const addExercise = db.prepare('INSERT INTO exercises (name, settings, archived, created_at) VALUES (?, ?, 0, ?)');
  const existing = db.prepare('SELECT id FROM exercises WHERE archived = 0 ORDER BY id').pluck().all();
  const timed = new Set(db.prepare("SELECT id FROM exercises WHERE json_extract(settings, '$.measure') = 'seconds'").pluck().all());

  const insertBatch = db.prepare("INSERT INTO batches (kind, summary, created_at) VALUES ('log', ?, ?)");
  const insertCheckin = db.prepare('INSERT INTO pain_checkins (date, pain, note, created_at) VALUES (?, ?, NULL, ?)');
  const insertSet = db.prepare(
    `INSERT INTO sets (uid, batch_id, exercise_id, date, session, set_number, reps, seconds, load_kind, load_value, load_unit, rpe, pain, note, source, created_at)
     VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, 'kg', ?, ?, ?, 'typed', ?)`,
  );

  db.transaction(() => {
    const ids = [...existing];
    for (let i = ids.length; i < exercises; i++) ids.push(Number(addExercise.run(`Accessory ${i + 1}`, template, now).lastInsertRowid));
    const perSession = 20;
    const sessions = Math.ceil(sets / perSession);
    const day = new Date(`${lastDay}T12:00:00Z`);
    let written = 0;
    let uid = 0;
    // Walk back from the last day: 3–4 training days a week.
    for (let s = 0; s < sessions && written < sets; s++) {
      const date = isoDay(day);
      // `rehab pain N` the morning after two sessions in three, mostly low (0–3), now and then 4–6.
      if (next() < 0.67) {
        const morning = new Date(day);
        morning.setUTCDate(morning.getUTCDate() + 1);
        insertCheckin.run(isoDay(morning), next() < 0.9 ? Math.floor(next() * 4) : 4 + Math.floor(next() * 3), now);
      }
      day.setUTCDate(day.getUTCDate() - (next() < 0.5 ? 2 : 1) - (next() < 0.15 ? 1 : 0));
      const batch = Number(insertBatch.run(`session on ${date}`, now).lastInsertRowid);
      // 4–6 exercises a session, 3–5 sets each, ~20 sets in all.
      const chosen = [...ids].sort(() => next() - 0.5).slice(0, 4 + Math.floor(next() * 3));
      for (const exercise of chosen) {
        const setCount = 3 + Math.floor(next() * 3);
        const load = Math.round((10 + next() * 60) / 2.5) * 2.5;
        for (let n = 1; n <= setCount && written < sets; n++) {
          const isTimed = timed.has(exercise);
          insertSet.run(
            `bench-${seed}-${uid++}`,
            batch,
            exercise,
            date,
            n,
            isTimed ? null : 6 + Math.floor(next() * 7),
            isTimed ? 20 + 5 * Math.floor(next() * 6) : null,
            isTimed ? 'bodyweight' : 'external',
            isTimed ? 0 : load,
            next() < 0.6 ? 6 + Math.floor(next() * 8) / 2 : null,
            next() < 0.3 ? Math.floor(next() * 5) : null,
            next() < 0.1 ? NOTES[Math.floor(next() * NOTES.length)] : null,
            now,
          );
          written++;
        }
      }
    }
  }).immediate();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return file;
}

/** A Strong export (newest layout) of `rows` sets, for the import benchmark. */
export function strongExport(rows, seed = 7) {
  const next = random(seed);
  const lines = ['Workout #,Date,Workout Name,Duration (sec),Exercise Name,Set Order,Weight (kg),Reps,RPE,Distance (meters),Seconds,Notes,Workout Notes'];
  const names = ['Squat (Barbell)', 'Romanian Deadlift (Barbell)', 'Hip Thrust (Barbell)', 'Glute Bridge', 'Goblet Squat (Kettlebell)', 'Bird Dog'];
  const day = new Date('2026-11-20T18:00:00Z');
  let workout = 0;
  while (lines.length - 1 < rows) {
    workout++;
    const stamp = `${isoDay(day)} 18:${String(workout % 60).padStart(2, '0')}:00`;
    day.setUTCDate(day.getUTCDate() - 2);
    for (const name of names) {
      for (let set = 1; set <= 4 && lines.length - 1 < rows; set++) {
        const weight = Math.round((20 + next() * 60) / 2.5) * 2.5;
        lines.push(`${workout},${stamp},Lower body,3600,${name},${set},${weight},${6 + Math.floor(next() * 7)},,,,,`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
