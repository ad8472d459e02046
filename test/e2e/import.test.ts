// `rehab import` through the built binary: every layout of test/fixtures/import/ (written from
// research/import-formats.md) with its counts, loads, units and dates; a second import adds
// nothing; bad files write nothing; --dry-run, --skip-invalid, --map, remembered names, undo, and
// rehab's own exports imported back byte for byte.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSandbox, type RunResult, type Sandbox } from './run-rehab.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const fixture = (name: string): string => path.join(FIXTURES, name);

let sandbox: Sandbox;
beforeEach(() => {
  sandbox = makeSandbox();
  // The log exists (seeded with the starter programme) before any import, so "nothing written"
  // can be checked against it.
  expect(sandbox.run(['next']).code).toBe(0);
});
afterEach(() => sandbox.cleanup());

function query<T>(sql: string, db = sandbox.db): T[] {
  const handle = new Database(db, { readonly: true });
  try {
    return handle.prepare(sql).all() as T[];
  } finally {
    handle.close();
  }
}

/** Every stored set as one line: exercise, date, session/set, reps or seconds, load, RPE, note, source. */
function storedSets(db = sandbox.db): string[] {
  return query<Record<string, string | number | null>>(
    `SELECT e.name, s.date, s.session, s.set_number, s.reps, s.seconds, s.load_kind, s.load_value, s.load_unit, s.rpe, s.note, s.source
       FROM sets s JOIN exercises e ON e.id = s.exercise_id ORDER BY s.id`,
    db,
  ).map((row) => {
    const amount = row.reps !== null ? `×${row.reps}` : `${row.seconds}s`;
    const value = Number(row.load_value);
    const load = row.load_kind === 'external' ? `${value}${row.load_unit}` : `bw${value < 0 ? '' : '+'}${value}${row.load_unit}`;
    const extras = [row.rpe !== null ? `@${row.rpe}` : '', row.note !== null ? `"${row.note}"` : ''].filter(Boolean).join(' ');
    return `${row.name} ${row.date} ${row.session}/${row.set_number} ${load} ${amount}${extras ? ` ${extras}` : ''}`;
  });
}

/** Everything in the log that an import could write. */
function snapshot(): unknown {
  return ['sets', 'batches', 'exercises', 'exercise_aliases', 'import_mappings', 'meta'].map((table) => query(`SELECT * FROM ${table} ORDER BY rowid`));
}

function importJson(args: string[]): { result: RunResult; report: Record<string, unknown> } {
  const result = sandbox.run(['import', ...args, '--format', 'json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return { result, report: JSON.parse(result.stdout) as Record<string, unknown> };
}

function usageFailure(args: string[], message: RegExp, input?: string): RunResult {
  const result = sandbox.run(args, { input });
  expect(result.stderr).toMatch(message);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  return result;
}

const none = { warmup: 0, restTimer: 0, cardio: 0, empty: 0 };

interface LayoutCase {
  file: string;
  args: string[];
  layout: [format: string, layout: string];
  skipped: Partial<typeof none>;
  sessions: number;
  sets: string[];
}

const LAYOUTS: LayoutCase[] = [
  {
    file: 'strong-1-semicolon.csv',
    args: [],
    layout: ['strong', '1'],
    skipped: { warmup: 1, restTimer: 1, cardio: 1 },
    sessions: 3,
    sets: [
      'Squat (Barbell) 2019-01-11 1/1 60kg ×5 @8 "felt good, depth ok"',
      'Squat (Barbell) 2019-01-11 1/2 62.5kg ×5 @8.5',
      'Side plank 2019-01-11 1/1 bw+0kg 60s "hold; then rest"',
      'Squat (Barbell) 2019-01-14 1/1 135lb ×5',
    ],
  },
  {
    file: 'strong-2-24h.csv',
    args: ['--unit', 'lb'],
    layout: ['strong', '2'],
    skipped: { warmup: 1, restTimer: 1, cardio: 1 },
    sessions: 2,
    sets: [
      'Bench Press (Barbell) 2020-12-30 1/1 135lb ×8 @8 "Paused, 1 sec"',
      'Bench Press (Barbell) 2020-12-30 1/2 135lb ×8',
      'Bench Press (Barbell) 2020-12-30 1/3 95lb ×12',
      'Pull Up (Assisted) 2020-12-31 1/1 bw-40lb ×8',
      'Pull Up (Assisted) 2020-12-31 1/2 bw-40lb ×6',
    ],
  },
  {
    // 12-hour times with U+202F before am/pm, CRLF and a BOM; two workouts on one day, the
    // later one first in the file, and one just after midnight.
    file: 'strong-2-12h.csv',
    args: ['--unit', 'kg'],
    layout: ['strong', '2'],
    skipped: { warmup: 1, restTimer: 1, cardio: 1 },
    sessions: 3,
    sets: [
      'Romanian Deadlift (Barbell) 2025-01-30 1/1 50kg ×12',
      'Romanian Deadlift (Barbell) 2025-01-30 2/1 60kg ×10 @7 "slow, controlled"',
      'Romanian Deadlift (Barbell) 2025-01-30 2/2 60kg ×10 @7.5',
      'Romanian Deadlift (Barbell) 2025-01-31 1/1 62.5kg ×8',
    ],
  },
  {
    file: 'strong-3-kg.csv',
    args: [],
    layout: ['strong', '3'],
    skipped: { warmup: 1, restTimer: 1, cardio: 1 },
    sessions: 3,
    sets: [
      'Goblet Squat (Kettlebell) 2024-05-02 1/1 16kg ×10 @7 "knees out, chest up"',
      'Goblet Squat (Kettlebell) 2024-05-02 1/2 16kg ×10 @7.5',
      'Side plank 2024-05-02 1/1 bw+0kg 45s',
      'Side plank 2024-05-02 1/2 bw+0kg 40s',
      'Goblet Squat (Kettlebell) 2024-05-04 1/1 20kg ×8',
    ],
  },
  {
    file: 'strong-3-lbs.csv',
    args: [],
    layout: ['strong', '3'],
    skipped: { warmup: 1, restTimer: 1, cardio: 1 },
    sessions: 1,
    sets: [
      'Overhead Press (Dumbbell) 2024-06-10 1/1 35lb ×10 "left shoulder tight, eased off"',
      'Overhead Press (Dumbbell) 2024-06-10 1/2 35lb ×9 @9',
      'Overhead Press (Dumbbell) 2024-06-10 1/3 35lb ×6 @10',
    ],
  },
  {
    // Newest workout first, as Hevy writes; stored oldest first.
    file: 'hevy-kg.csv',
    args: [],
    layout: ['hevy', 'kg'],
    skipped: { warmup: 1, cardio: 1 },
    sessions: 3,
    sets: [
      'Hip Thrust (Barbell) 2026-03-13 1/1 80kg ×10 @8 "Pad on, pause at top"',
      'Hip Thrust (Barbell) 2026-03-13 1/2 80kg ×9 @9 "Pad on, pause at top"',
      'Hip Thrust (Barbell) 2026-03-13 1/3 60kg ×12 "Pad on, pause at top"',
      'Side plank 2026-03-13 1/1 bw+0kg 60s',
      'Hip Thrust (Barbell) 2026-03-15 1/1 85kg ×10',
    ],
  },
  {
    file: 'hevy-lbs.csv',
    args: [],
    layout: ['hevy', 'lb'],
    skipped: { warmup: 1, cardio: 1 },
    sessions: 2,
    sets: [
      'Lat Pulldown (Cable) 2026-02-02 1/1 100lb ×10 @7 "wide grip, slow negatives"',
      'Lat Pulldown (Cable) 2026-02-02 1/2 100lb ×8 @10 "wide grip, slow negatives"',
      'Bird dog 2026-02-02 1/1 bw+0lb ×12',
    ],
  },
  {
    // "Deadlift" is an alias of the starter programme's Romanian deadlift; two identical sets stay two.
    file: 'fitnotes-1-android-older.csv',
    args: [],
    layout: ['fitnotes', '1'],
    skipped: { cardio: 1 },
    sessions: 3,
    sets: [
      'Romanian deadlift 2023-04-01 1/1 100kg ×5',
      'Romanian deadlift 2023-04-01 1/2 100kg ×5 "last one slow, grindy"',
      'Romanian deadlift 2023-04-01 1/3 100kg ×5',
      'Side plank 2023-04-01 1/1 bw+0kg 90s',
      'Romanian deadlift 2023-04-03 1/1 102.5kg ×5',
    ],
  },
  {
    file: 'fitnotes-1-android-older-lbs.csv',
    args: [],
    layout: ['fitnotes', '1'],
    skipped: { cardio: 1 },
    sessions: 1,
    sets: ['Barbell Glute Bridge 2022-11-20 1/1 95lb ×12', 'Barbell Glute Bridge 2022-11-20 1/2 95lb ×12'],
  },
  {
    file: 'fitnotes-2-android-newer.csv',
    args: [],
    layout: ['fitnotes', '2'],
    skipped: { cardio: 1 },
    sessions: 3,
    sets: [
      'Flat Barbell Bench Press 2023-05-10 1/1 60kg ×8',
      'Flat Barbell Bench Press 2023-05-10 1/2 60kg ×7 "spotter helped, last rep"',
      'Dumbbell Curl 2023-05-10 1/1 25lb ×10',
      'Dead Bug 2023-05-10 1/1 bw+0kg ×10',
    ],
  },
  {
    file: 'fitnotes-3-ios.csv',
    args: [],
    layout: ['fitnotes', '3'],
    skipped: { warmup: 1, cardio: 1 },
    sessions: 3,
    sets: [
      'Goblet squat 2024-02-03 1/1 20kg ×10 "heels down, slow"',
      'Goblet squat 2024-02-03 1/2 20kg ×9',
      'Kettlebell Swing 2024-02-03 1/1 25lb ×15',
      'Side plank 2024-02-03 1/1 bw+0kg 45s',
    ],
  },
];

describe('every layout of Strong, Hevy and FitNotes (research/import-formats.md)', () => {
  it.each(LAYOUTS)('$file: counts, loads, units, dates and sessions; a second import adds nothing', ({ file, args, layout, skipped, sessions, sets }) => {
    const { report } = importJson([fixture(file), ...args]);
    expect(report).toMatchObject({
      format: layout[0],
      layout: layout[1],
      dryRun: false,
      added: sets.length,
      alreadyInLog: 0,
      sessions,
      skipped: { ...none, ...skipped },
      invalid: [],
    });
    expect(report.rows).toBe(sets.length + Object.values(skipped).reduce((sum, n) => sum + n, 0));
    expect(storedSets()).toStrictEqual(sets);
    expect(query<{ source: string }>('SELECT DISTINCT source FROM sets')).toStrictEqual([{ source: `import:${layout[0]}` }]);
    expect(query('SELECT kind FROM batches')).toStrictEqual([{ kind: 'import' }]);

    const before = snapshot();
    const again = importJson([fixture(file), ...args]);
    expect(again.report).toMatchObject({ added: 0, alreadyInLog: sets.length, sessions: 0 });
    expect(snapshot()).toStrictEqual(before);
  });

  it('says in the text report what was added, skipped and mapped, and what was created', () => {
    const result = sandbox.run(['import', fixture('strong-3-kg.csv')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        `Imported ${fixture('strong-3-kg.csv')}: Strong export (layout 3, weights in kg), 8 rows.`,
        '  Added 5 sets in 3 sessions.',
        '  Skipped 3 rows: 1 warm-up, 1 rest timer, 1 cardio.',
        '',
        'Exercises:',
        '  Goblet Squat (Kettlebell)  3 added  (new exercise)',
        '  Side plank                 2 added  ← "Side Plank" (same name)',
        '',
      ].join('\n'),
    );
    const again = sandbox.run(['import', fixture('strong-3-kg.csv')]);
    expect(again.stdout).toContain('  Added nothing: all 5 sets were already in the log.');
  });

  it('creates new exercises with settings guessed from the name and rows (equipment, seconds for holds, unit)', () => {
    importJson([fixture('strong-3-kg.csv')]);
    importJson([fixture('hevy-lbs.csv')]);
    importJson([fixture('fitnotes-2-android-newer.csv')]);
    const created = Object.fromEntries(
      query<{ name: string; settings: string }>('SELECT name, settings FROM exercises WHERE id > 5').map((row) => {
        const settings = JSON.parse(row.settings) as { equipment: string; measure: string; start: { unit: string } };
        return [row.name, `${settings.equipment} ${settings.measure} ${settings.start.unit}`];
      }),
    );
    expect(created).toStrictEqual({
      'Goblet Squat (Kettlebell)': 'kettlebell reps kg',
      'Lat Pulldown (Cable)': 'machine reps lb',
      'Flat Barbell Bench Press': 'barbell reps kg',
      'Dumbbell Curl': 'dumbbell reps lb',
      'Dead Bug': 'bodyweight reps kg',
    });
  });

  it("Strong's layout 2 without --unit: the log's unit is assumed, and the report says so and how to change it", () => {
    const { report } = importJson([fixture('strong-2-24h.csv')]);
    expect(report.unit).toStrictEqual({ unit: 'kg', assumed: true, rows: 5 });
    expect(storedSets()[0]).toBe('Bench Press (Barbell) 2020-12-30 1/1 135kg ×8 @8 "Paused, 1 sec"');
    const text = sandbox.run(['import', fixture('strong-2-24h.csv'), '--dry-run']);
    expect(text.stdout).toContain("The file gives no unit for 5 weights: they would be read as kg (your log's unit). If they are lb, import with --unit lb.");
  });

  it('notes on stderr when --unit was not needed', () => {
    const result = sandbox.run(['import', fixture('hevy-kg.csv'), '--unit', 'lb']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`--unit lb was not needed: ${fixture('hevy-kg.csv')} gives the unit of every weight.\n`);
  });

  it('reads standard input for -', () => {
    const result = sandbox.run(['import', '-', '--format', 'json'], { input: readFileSync(fixture('hevy-lbs.csv'), 'utf8') });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ file: 'standard input', added: 3 });
  });
});

describe('bad files (issue 4): a clear message, exit 2, nothing written', () => {
  const STRONG_3 = readFileSync(fixture('strong-3-kg.csv'), 'utf8').split('\n')[0]!;
  const good = '1,2024-05-02 17:00:00,Legs,3600,Squat (Barbell),1,60,5,,0,0,,';

  it.each<[string, string | Buffer, RegExp]>([
    ['an empty file', '', /^rehab: \S+ is empty: there is nothing to import\. /],
    ['a header only', `${STRONG_3}\n`, /^rehab: \S+ has a header row but no rows: there is nothing to import\. /],
    ['an unknown header', 'Datum,Übung,Gewicht\n2024-01-01,Kniebeuge,60\n', /^rehab: The header row of \S+ is not one rehab knows \(it starts "Datum", "Übung", "Gewicht"\)\. /],
    [
      'a wrong column count (an unquoted comma)',
      `${STRONG_3}\n${good}\n1,2024-05-02 17:00:00,Legs,3600,Squat, Barbell,2,60,5,,0,0,,\n`,
      /^rehab: \S+ has 1 invalid row, so nothing was imported: line 3: has 14 fields where the header has 13 \(a comma or semicolon in a field that is not quoted\?\)\. Fix it, or pass --skip-invalid/,
    ],
    ['an impossible date', `${STRONG_3}\n${good.replace('2024-05-02', '2024-02-30')}\n`, /line 2: Date "2024-02-30 17:00:00" is not a real date\./],
    ['negative reps', `${STRONG_3}\n${good.replace(',60,5,', ',60,-5,')}\n`, /line 2: Reps "-5" is negative\./],
    ['an unclosed quote', `${STRONG_3}\n${good}\n${good.replace(',,', ',"never closed,')}\n${good}\n`, /line 3: a quoted field starts here and is never closed/],
  ])('%s', (_case, content, message) => {
    const file = path.join(sandbox.dir, 'bad.csv');
    writeFileSync(file, content);
    const before = snapshot();
    usageFailure(['import', file], message);
    expect(snapshot()).toStrictEqual(before);
  });

  it('a 10 MB binary file is refused as not text', () => {
    const file = path.join(sandbox.dir, 'photo.bin');
    writeFileSync(file, randomBytes(10 * 1024 * 1024));
    const before = snapshot();
    usageFailure(['import', file], /^rehab: \S+photo\.bin is not a text file \(CSV, JSON or JSONL in UTF-8\): it holds binary data\. Import the CSV file the app exports/);
    expect(snapshot()).toStrictEqual(before);
  });

  it.each<[string, string[], RegExp]>([
    ['a missing file', ['import', 'no-such-export.csv'], /^rehab: There is no file no-such-export\.csv\. Check the name/],
    ['a folder', ['import', '.'], /^rehab: \. is a folder, not a file\./],
    ['--from that does not fit the header', ['import', fixture('hevy-kg.csv'), '--from', 'fitnotes'], /does not look like a FitNotes export: its header row has no Date, Exercise, Category, Weight \(kgs\) columns\. It looks like a Hevy export: leave out --from, or pass --from hevy\.\n$/],
    ['an unknown --from', ['import', fixture('hevy-kg.csv'), '--from', 'jefit'], /^rehab: option '--from <format>' argument 'jefit' is invalid/],
    ['a --map without "="', ['import', fixture('hevy-kg.csv'), '--map', 'Hip Thrust (Barbell)'], /^rehab: --map "Hip Thrust \(Barbell\)" is not a mapping\. Write the name in the file, "=", then a rehab exercise/],
    ['a --map to an exercise the log lacks', ['import', fixture('hevy-kg.csv'), '--map', 'Hip Thrust (Barbell)=brigde'], /^rehab: No exercise is called "brigde"\. Did you mean Glute bridge or Side plank\? The right side of --map names an exercise of your log/],
    ['a --map of a name the file lacks', ['import', fixture('hevy-kg.csv'), '--map', 'Hip Trust=bridge'], /^rehab: --map "Hip Trust=bridge": no exercise in the file is called "Hip Trust"\. Its names include "Hip Thrust \(Barbell\)", "Plank"\.\n$/],
  ])('%s', (_case, args, message) => {
    const before = snapshot();
    usageFailure(args, message);
    expect(snapshot()).toStrictEqual(before);
  });

  it('- with nothing piped in (a terminal) is refused rather than waiting', async () => {
    // The sandbox always pipes stdin; the terminal case is the handler's, checked directly.
    const { importCommand } = await import('../../src/commands/import.js');
    const { createStyle } = await import('../../src/io/style.js');
    const context = { dbPath: sandbox.db, displayUnits: undefined, today: '2026-11-24', now: '2026-11-24T07:00:00.000Z', style: createStyle(false), stdinIsTTY: true };
    await expect(importCommand('-', { from: 'auto', map: [], format: 'text' }, context)).rejects.toThrow('`rehab import -` reads the file from standard input, but nothing is piped in.');
  });
});

describe('--dry-run and --skip-invalid', () => {
  const mixed = [
    'Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time,Comment',
    '2023-04-01,Deadlift,Back,100.0,5,,,,',
    '2023-04-01,Deadlift,Back,100.0,-5,,,,',
    '2023-02-30,Deadlift,Back,100.0,5,,,,',
    '2023-04-01,Deadlift,Back,abc,5,,,,',
    '2023-04-01,Deadlift,Back,100.0,4,,,,"last, slow"',
  ].join('\n');

  it('--dry-run reports what would happen and writes nothing', () => {
    const before = snapshot();
    const result = sandbox.run(['import', fixture('hevy-kg.csv'), '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Dry run of');
    expect(result.stdout).toContain('  Would add 5 sets in 3 sessions.');
    expect(result.stdout).toContain('  Hip Thrust (Barbell)  4 to add  (new exercise)');
    expect(result.stdout.trimEnd().endsWith('Nothing was written (--dry-run).')).toBe(true);
    expect(snapshot()).toStrictEqual(before);
    const json = JSON.parse(sandbox.run(['import', fixture('hevy-kg.csv'), '--dry-run', '--format', 'json']).stdout);
    expect(json).toMatchObject({ dryRun: true, added: 5, sessions: 3 });
    expect(snapshot()).toStrictEqual(before);
  });

  it('--dry-run lists every invalid row and says a real import would write nothing', () => {
    const file = path.join(sandbox.dir, 'mixed.csv');
    writeFileSync(file, mixed);
    const result = sandbox.run(['import', file, '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      [
        '  Found 3 invalid rows:',
        '    line 3: Reps "-5" is negative',
        '    line 4: Date "2023-02-30" is not a real date',
        '    line 5: Weight (kgs) "abc" is not a number',
        '  Without --skip-invalid a real import would write nothing.',
      ].join('\n'),
    );
  });

  it('without --skip-invalid, any invalid row means nothing is written; with it, the valid rows are', () => {
    const file = path.join(sandbox.dir, 'mixed.csv');
    writeFileSync(file, mixed);
    const before = snapshot();
    usageFailure(['import', file], /has 3 invalid rows, so nothing was imported: line 3: Reps "-5" is negative; line 4: Date "2023-02-30" is not a real date; line 5: Weight \(kgs\) "abc" is not a number\. Fix them, or pass --skip-invalid/);
    expect(snapshot()).toStrictEqual(before);

    const { report } = importJson([file, '--skip-invalid']);
    expect(report).toMatchObject({ rows: 5, sets: 2, added: 2, invalid: [{ line: 3 }, { line: 4 }, { line: 5 }] });
    expect(storedSets()).toStrictEqual(['Romanian deadlift 2023-04-01 1/1 100kg ×5', 'Romanian deadlift 2023-04-01 1/2 100kg ×4 "last, slow"']);
  });
});

describe('exercise names: --map, remembered mappings, names and aliases', () => {
  it('--map puts a name into an existing exercise (by alias), and the next import remembers it', () => {
    const { report } = importJson([fixture('hevy-kg.csv'), '--map', 'Hip Thrust (Barbell)=bridge']);
    expect(report.exercises).toStrictEqual([
      { exercise: 'Glute bridge', created: false, names: [{ name: 'Hip Thrust (Barbell)', how: 'map' }], sets: 4, added: 4 },
      { exercise: 'Side plank', created: false, names: [{ name: 'Plank', how: 'name' }], sets: 1, added: 1 },
    ]);
    expect(query('SELECT count(*) AS n FROM exercises')).toStrictEqual([{ n: 5 }]);

    const later = path.join(sandbox.dir, 'hevy-later.csv');
    writeFileSync(
      later,
      [readFileSync(fixture('hevy-kg.csv'), 'utf8').split('\n')[0], '"Lower C","20 Mar 2026, 09:05","20 Mar 2026, 10:00","","hip thrust (barbell)",,"",0,"normal",90,8,,,'].join('\n'),
    );
    const next = importJson([later]);
    expect(next.report.exercises).toStrictEqual([{ exercise: 'Glute bridge', created: false, names: [{ name: 'hip thrust (barbell)', how: 'remembered' }], sets: 1, added: 1 }]);
    expect(storedSets().at(-1)).toBe('Glute bridge 2026-03-20 1/1 90kg ×8');
  });

  it('two names mapped to one exercise in one workout make one session', () => {
    const file = path.join(sandbox.dir, 'two-names.csv');
    const header = readFileSync(fixture('strong-3-kg.csv'), 'utf8').split('\n')[0];
    writeFileSync(file, [header, '1,2024-05-02 17:00:00,L,1,Goblet Squat (Dumbbell),1,16,10,,0,0,,', '1,2024-05-02 17:00:00,L,1,Goblet Squat (Kettlebell),1,16,10,,0,0,,'].join('\n'));
    importJson([file, '--map', 'Goblet Squat (Dumbbell)=squat', '--map', 'Goblet Squat (Kettlebell)=goblet squat']);
    expect(storedSets()).toStrictEqual(['Goblet squat 2024-05-02 1/1 16kg ×10', 'Goblet squat 2024-05-02 1/2 16kg ×10']);
  });
});

describe('undo after an import', () => {
  it('removes the whole import and says what it was', () => {
    const before = query('SELECT * FROM sets');
    importJson([fixture('strong-3-kg.csv')]);
    expect(query('SELECT * FROM sets')).toHaveLength(5);
    const undo = sandbox.run(['undo']);
    expect(undo.code).toBe(0);
    expect(undo.stdout).toContain(`Undid the last import: ${fixture('strong-3-kg.csv')}, a Strong export (layout 3, weights in kg): 5 sets in 3 sessions.`);
    expect(undo.stdout).toContain('Removed 5 sets:');
    expect(query('SELECT * FROM sets')).toStrictEqual(before);
    expect(query('SELECT * FROM batches')).toStrictEqual([]);
    // Imported again, it all comes back: nothing of it was left behind as "already there".
    expect(importJson([fixture('strong-3-kg.csv')]).report).toMatchObject({ added: 5 });
  });
});

describe("rehab's own exports (SPEC §5: re-imported into an empty log, an export reproduces itself)", () => {
  function logAwkwardSessions(): void {
    for (const args of [
      ['log', 'squat', '25kg', '3x10', '--date', '2026-01-05', '--note', '=SUM(A1), "quoted"'],
      ['log', 'squat', '55lb', '10,9,8', '--date', '2026-01-05', '--rpe', '8', '--pain', '3'],
      ['log', 'plank', 'bw', '3x30s', '--date', '2026-01-06', '--note', "'=x"],
      ['log', 'bridge', 'bw-20kg', '3x12', '--date', '2026-01-06', '--note', 'multi\r\nline, é ü 日本'],
      ['log', 'step up', 'bw+10kg', 'x10', '--new', '--date', '2026-01-07', '--note', '-5 reps @home\tand a tab'],
    ]) {
      expect(sandbox.run(args).code).toBe(0);
    }
  }

  it.each(['csv', 'json', 'jsonl'])('%s: export → import into an empty log → export is byte-identical, ids included', (format) => {
    logAwkwardSessions();
    const exported = sandbox.run(['export', '--format', format]);
    expect(exported.code).toBe(0);
    const file = path.join(sandbox.dir, `log.${format}`);
    writeFileSync(file, exported.stdout);

    const other = path.join(sandbox.dir, 'other.db');
    const imported = sandbox.run(['--db', other, 'import', file, '--format', 'json']);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ format: 'rehab', layout: format, added: 13, invalid: [] });
    const again = sandbox.run(['--db', other, 'export', '--format', format]);
    expect(again.stdout).toBe(exported.stdout);
    expect(query('SELECT uid, source FROM sets ORDER BY uid', other)).toStrictEqual(query('SELECT uid, source FROM sets ORDER BY uid'));

    // And into the log it came from: every id is there already.
    expect(JSON.parse(sandbox.run(['import', file, '--format', 'json']).stdout)).toMatchObject({ added: 0, alreadyInLog: 13 });
  });

  it('an export piped into another log (import -) merges without duplicates', () => {
    logAwkwardSessions();
    const other = path.join(sandbox.dir, 'other.db');
    const jsonl = sandbox.run(['export', '--format', 'jsonl']).stdout;
    expect(sandbox.run(['--db', other, 'import', '-'], { input: jsonl }).code).toBe(0);
    expect(sandbox.run(['--db', other, 'import', '-'], { input: jsonl }).stdout).toContain('Added nothing: all 13 sets were already in the log.');
  });
});
