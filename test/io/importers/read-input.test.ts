import { describe, expect, it } from 'vitest';
import type { Unit } from '../../../src/domain/types.js';
import { RehabError } from '../../../src/errors.js';
import { guessDelimiter, itemStartLines, readImportFile, type ReadResult } from '../../../src/io/importers/read-input.js';
import { UnitSource } from '../../../src/io/importers/reader-options.js';
import type { FormatChoice } from '../../../src/io/importers/types.js';

/** The bytes of `text` in chunks of `size` bytes (so chunk edges fall inside characters and CRLFs). */
async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

interface ReadOptions {
  from?: FormatChoice;
  unit?: Unit;
  logUnits?: Unit;
  chunk?: number;
}

async function read(text: string | Uint8Array, options: ReadOptions = {}): Promise<ReadResult & { units: UnitSource }> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const units = new UnitSource(options.unit, options.logUnits ?? 'kg');
  const result = await readImportFile({ name: 'test.csv', chunks: chunksOf(bytes, options.chunk ?? 64 * 1024) }, { from: options.from ?? 'auto', units });
  return { ...result, units };
}

async function usageErrorOf(promise: Promise<unknown>): Promise<RehabError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(RehabError);
  expect((error as RehabError).exitCode).toBe(2);
  return error as RehabError;
}

const STRONG_3 = 'Workout #,Date,Workout Name,Duration (sec),Exercise Name,Set Order,Weight (kg),Reps,RPE,Distance (meters),Seconds,Notes,Workout Notes';
const strong3 = (setOrder: string, weight: string, reps: string, extra: { seconds?: string; distance?: string; note?: string; date?: string; name?: string } = {}) =>
  `1,${extra.date ?? '2024-05-02 17:00:00'},Legs,3600,${extra.name ?? 'Squat (Barbell)'},${setOrder},${weight},${reps},,${extra.distance ?? '0'},${extra.seconds ?? '0'},${extra.note ?? ''},`;

describe('recognising the format from the header row (research/import-formats.md)', () => {
  it.each<[string, string, string, string]>([
    ['Strong 1, semicolons', 'Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes', 'strong', '1'],
    [
      'Strong 1 with Workout Duration',
      'Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes;Workout Duration',
      'strong',
      '1',
    ],
    ['Strong 2, no unit', 'Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE', 'strong', '2'],
    ['Strong 3, kg', STRONG_3, 'strong', '3'],
    ['Strong 3, lb', STRONG_3.replace('Weight (kg)', 'Weight (lbs)').replace('Distance (meters)', 'Distance (miles)'), 'strong', '3'],
    ['Hevy, kg', 'title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe', 'hevy', 'kg'],
    ['Hevy, lb', 'title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,weight_lbs,reps,distance_miles,duration_seconds,rpe', 'hevy', 'lb'],
    ['FitNotes 1', 'Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time', 'fitnotes', '1'],
    ['FitNotes 1 with Comment', 'Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time,Comment', 'fitnotes', '1'],
    ['FitNotes 1, lb', 'Date,Exercise,Category,Weight (lbs),Reps,Distance,Distance Unit,Time', 'fitnotes', '1'],
    ['FitNotes 2', 'Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment', 'fitnotes', '2'],
    ['FitNotes 3 (iOS)', 'Date,Exercise,Category,Weight (kg),Weight (lbs),Reps,Distance,Distance Unit,Time,Notes,Kind', 'fitnotes', '3'],
    ['rehab', 'id,date,exercise,session,set,reps,seconds,load,unit,load_type,load_kg,rpe,pain,note,source', 'rehab', 'csv'],
    ['quoted header cells', '"Date","Exercise","Category","Weight (kgs)","Reps","Distance","Distance Unit","Time"', 'fitnotes', '1'],
    ['trailing empty columns', 'Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time,,', 'fitnotes', '1'],
  ])('%s', async (_layout, header, format, layout) => {
    const delimiter = guessDelimiter(header);
    // A row the format reads as a cardio or empty row is enough: the header is what is tested.
    const row = header.split(delimiter).map(() => '').join(delimiter);
    const result = await read(`${header}\n${row.replace(/^/, 'x')}\n`).catch((error: unknown) => error);
    if (result instanceof RehabError) throw result;
    expect((result as ReadResult).layout).toMatchObject({ format, id: layout });
  });

  it('refuses a header it does not know, quoting its first cells', async () => {
    const error = await usageErrorOf(read('foo,bar,baz,qux,quux\n1,2,3,4,5\n'));
    expect(error.message).toBe('The header row of test.csv is not one rehab knows (it starts "foo", "bar", "baz", "qux", …).');
    expect(error.hint).toContain('Strong, Hevy and FitNotes');
  });

  it('refuses --from strong for a Hevy file, and says what it looks like', async () => {
    const hevy = 'title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe';
    const error = await usageErrorOf(read(`${hevy}\nx,,,,,,,,,,,,,\n`, { from: 'strong' }));
    expect(error.message).toBe('test.csv does not look like a Strong export: its header row has no Date, Exercise Name, Set Order, Weight columns.');
    expect(error.hint).toBe('It looks like a Hevy export: leave out --from, or pass --from hevy.');
  });

  it('names the column a near-miss header lacks, with --from or without', async () => {
    for (const from of ['auto', 'strong'] as const) {
      const error = await usageErrorOf(read('Date,Workout Name,Exercise Name,Set Order,Weight\n2024-01-01,a,b,1,20\n', { from }));
      expect(error.message).toBe('test.csv does not look like a Strong export: its header row has no Reps column.');
      expect(error.hint).toContain('Strong, Hevy and FitNotes');
    }
  });
});

describe('the file as a whole (issue 4: bad files)', () => {
  it.each<[string, string, RegExp]>([
    ['empty', '', /^test\.csv is empty: there is nothing to import\.$/],
    ['blank lines only', '\n \r\n\n', /^test\.csv is empty/],
    ['a byte order mark alone', '\uFEFF', /^test\.csv is empty/],
    ['a header only', `${STRONG_3}\n`, /^test\.csv has a header row but no rows: there is nothing to import\.$/],
    ['a header and blank lines', `${STRONG_3}\r\n\r\n`, /has a header row but no rows/],
    ['an empty JSON array', '[]', /^test\.csv has no rows: there is nothing to import\.$/],
  ])('%s is a usage error', async (_case, text, message) => {
    const error = await usageErrorOf(read(text));
    expect(error.message).toMatch(message);
  });

  it('refuses binary data (a NUL byte) as not text', async () => {
    const bytes = new Uint8Array(100_000).map((_, index) => (index * 7919) % 256);
    const error = await usageErrorOf(read(bytes));
    expect(error.message).toBe('test.csv is not a text file (CSV, JSON or JSONL in UTF-8): it holds binary data.');
  });

  it('refuses bytes that are not UTF-8 (Latin-1 "é")', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode(`${STRONG_3}\n`), 0x63, 0x61, 0x66, 0xe9, 0x0a]);
    const error = await usageErrorOf(read(bytes));
    expect(error.message).toMatch(/is not a text file/);
  });

  it.each<[string, number[]]>([
    ['a character cut off at the end', [0xc3]],
    ['a surrogate written as UTF-8', [0xed, 0xa0, 0x80, 0x0a]],
    ['an overlong encoding', [0xc0, 0xaf, 0x0a]],
  ])('refuses %s as not text, in any chunks', async (_case, tail) => {
    const bytes = new Uint8Array([...new TextEncoder().encode(`${STRONG_3}\n`), ...tail]);
    for (const chunk of [1, 2, 3, 64 * 1024]) {
      const error = await usageErrorOf(read(bytes, { chunk }));
      expect(error.message).toMatch(/is not a text file/);
    }
  });

  it('reads characters of two, three and four bytes cut by chunk edges', async () => {
    const text = `${STRONG_3}\n${strong3('1', '60', '5', { note: 'é ü 日本 🏋️ ok', name: 'Übung' })}\n`;
    for (const chunk of [1, 2, 3, 5]) {
      const result = await read(text, { chunk });
      expect(result.sets.map((set) => [set.exerciseName, set.note])).toStrictEqual([['Übung', 'é ü 日本 🏋️ ok']]);
    }
  });

  it('refuses UTF-16 with a message that says how to save it', async () => {
    const error = await usageErrorOf(read(new Uint8Array([0xff, 0xfe, 0x44, 0x00, 0x61, 0x00])));
    expect(error.message).toBe('test.csv is UTF-16 text, which rehab does not read.');
  });
});

describe('forgiving reading of CSV', () => {
  const rows = [STRONG_3, strong3('1', '60', '5', { note: '"depth, ok"' }), strong3('2', '62.5', '5')];

  it.each<[string, string, number | undefined]>([
    ['LF', `${rows.join('\n')}\n`, undefined],
    ['CRLF and a BOM', `\uFEFF${rows.join('\r\n')}\r\n`, undefined],
    ['no final line end', rows.join('\n'), undefined],
    ['chunks of 1 byte (edges inside CRLF and inside characters)', `\uFEFF${rows.join('\r\n')}\r\n`, 1],
    ['chunks of 7 bytes', `${rows.join('\r\n')}\r\n`, 7],
  ])('%s', async (_case, text, chunk) => {
    const result = await read(text, { chunk });
    expect(result.sets.map((set) => [set.line, set.load, set.reps, set.note])).toStrictEqual([
      [2, { kind: 'external', value: 60, unit: 'kg' }, 5, 'depth, ok'],
      [3, { kind: 'external', value: 62.5, unit: 'kg' }, 5, null],
    ]);
    expect(result.invalid).toStrictEqual([]);
  });

  it('reads unquoted fields and quoted ones alike, and a quote inside an unquoted field as text', async () => {
    const result = await read(`${STRONG_3}\n${strong3('1', '"60"', '"5"', { note: '5" band' })}\n`);
    expect(result.sets[0]).toMatchObject({ load: { value: 60 }, reps: 5, note: '5" band' });
  });

  it('takes rows written with the header\'s trailing delimiters', async () => {
    const result = await read(`${STRONG_3},\n${strong3('1', '60', '5')},\n`);
    expect(result.sets).toHaveLength(1);
    expect(result.invalid).toStrictEqual([]);
  });

  it('reports a row with more fields than the header by line, never shifting its columns (an unquoted comma)', async () => {
    const text = `${STRONG_3}\n${strong3('1', '60', '5')}\n${strong3('2', '60', '5', { name: 'Squat, Barbell' })}\n${strong3('3', '60', '5')}\n`;
    const result = await read(text);
    expect(result.sets.map((set) => set.line)).toStrictEqual([2, 4]);
    expect(result.invalid).toStrictEqual([{ line: 3, reason: 'has 14 fields where the header has 13 (a comma or semicolon in a field that is not quoted?)' }]);
  });

  it('reports a row with fewer fields than the header', async () => {
    const result = await read(`${STRONG_3}\n1,2024-05-02 17:00:00,Legs\n`);
    expect(result.invalid).toStrictEqual([{ line: 2, reason: 'has 3 fields where the header has 13' }]);
  });

  it('counts lines as an editor does, across notes with line breaks (LF, CRLF, CR)', async () => {
    const text = [STRONG_3, strong3('1', '60', '5', { note: '"two\r\nlines"' }), strong3('2', '60', '5', { note: '"a\nb\rc"' }), '', strong3('3', '-1', 'x')].join('\r\n');
    const result = await read(text);
    expect(result.sets.map((set) => [set.line, set.note])).toStrictEqual([
      [2, 'two\r\nlines'],
      [4, 'a\nb\rc'],
    ]);
    expect(result.invalid).toStrictEqual([{ line: 8, reason: 'Reps "x" is not a number' }]);
  });

  it.each([undefined, 1, 50])('reports a quote that is never closed at the row it starts on (chunks of %s bytes)', async (chunk) => {
    const text = `${STRONG_3}\n${strong3('1', '60', '5')}\n${strong3('2', '60', '5', { note: '"open' })}\n${strong3('3', '60', '5')}\n`;
    const result = await read(text, { chunk });
    expect(result.sets).toHaveLength(1);
    expect(result.invalid).toStrictEqual([{ line: 3, reason: 'a quoted field starts here and is never closed (the rest of the file was read as part of it)' }]);
  });

  it.each<[string, string]>([
    ['a comma', 'a,b;c'],
    ['a semicolon', 'a;b;c,d'],
    ['a tab', 'a\tb\tc'],
    ['a comma when delimiters inside quotes would say otherwise', '"a;b;c",d'],
  ])('guessDelimiter: %s', (_case, line) => {
    const expected = _case.startsWith('a semicolon') ? ';' : _case === 'a tab' ? '\t' : ',';
    expect(guessDelimiter(line)).toBe(expected);
  });
});

describe('Strong rows', () => {
  it.each<[string, string, string]>([
    ['W is a warm-up', strong3('W', '20', '10'), 'warmup'],
    ['Rest Timer is a timer, not a set', strong3('Rest Timer', '0', '0', { seconds: '90' }), 'restTimer'],
    ['distance without reps is cardio', strong3('1', '0', '0', { distance: '1500', seconds: '600' }), 'cardio'],
    ['a bodyweight bout over 10 minutes is cardio', strong3('1', '0', '0', { seconds: '1200' }), 'cardio'],
    ['no reps and no time is empty', strong3('1', '20', '0'), 'empty'],
  ])('%s', async (_rule, row, reason) => {
    const result = await read(`${STRONG_3}\n${row}\n`);
    expect(result.sets).toHaveLength(0);
    expect(result.skipped[reason as keyof ReadResult['skipped']]).toBe(1);
  });

  it('keeps D (drop set) and F (failure) as working sets, numbered in file order', async () => {
    const result = await read(`${STRONG_3}\n${[strong3('1', '60', '5'), strong3('D', '40', '8'), strong3('F', '40', '3')].join('\n')}\n`);
    expect(result.sets.map((set) => [set.reps, set.load])).toStrictEqual([
      [5, { kind: 'external', value: 60, unit: 'kg' }],
      [8, { kind: 'external', value: 40, unit: 'kg' }],
      [3, { kind: 'external', value: 40, unit: 'kg' }],
    ]);
  });

  it('reads a timed hold as seconds without reps, bodyweight when there is no weight', async () => {
    const result = await read(`${STRONG_3}\n${strong3('1', '0', '0', { seconds: '45', name: 'Side Plank' })}\n`);
    expect(result.sets[0]).toMatchObject({ reps: null, seconds: 45, load: { kind: 'bodyweight', added: 0, unit: 'kg' } });
  });

  it('reads "(Assisted)" weights as assistance and "(Weighted)" as added to the body', async () => {
    const result = await read(`${STRONG_3}\n${strong3('1', '40', '8', { name: 'Pull Up (Assisted)' })}\n${strong3('1', '10', '5', { name: 'Dip (Weighted)' })}\n`);
    expect(result.sets.map((set) => set.load)).toStrictEqual([
      { kind: 'bodyweight', added: -40, unit: 'kg' },
      { kind: 'bodyweight', added: 10, unit: 'kg' },
    ]);
  });

  it('refuses an empty exercise name, and one too long to be a name', async () => {
    const result = await read(`${STRONG_3}\n${strong3('1', '60', '5', { name: ' ' })}\n${strong3('1', '60', '5', { name: 'x'.repeat(101) })}\n`);
    expect(result.invalid).toStrictEqual([
      { line: 2, reason: 'Exercise Name is empty' },
      { line: 3, reason: `Exercise Name "${'x'.repeat(37)}..." is longer than 100 characters` },
    ]);
  });

  it('refuses an unknown Set Order', async () => {
    const result = await read(`${STRONG_3}\n${strong3('X', '60', '5')}\n`);
    expect(result.invalid).toStrictEqual([{ line: 2, reason: 'Set Order "X" is not a set number, W, D, F or Rest Timer' }]);
  });

  it('layout 2 has no unit: --unit decides, else the log\'s unit is assumed and counted', async () => {
    const header = 'Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE';
    const text = `${header}\n2020-12-30 18:51:52,A,49m,Bench Press (Barbell),1,135,8,0,0,,,\n2020-12-30 18:51:52,A,49m,Push Up,1,0,20,0,0,,,\n`;
    const assumed = await read(text, { logUnits: 'lb' });
    expect(assumed.sets[0]!.load).toStrictEqual({ kind: 'external', value: 135, unit: 'lb' });
    expect(assumed.units.assumption).toStrictEqual({ unit: 'lb', rows: 1 });
    const told = await read(text, { unit: 'kg', logUnits: 'lb' });
    expect(told.sets[0]!.load).toStrictEqual({ kind: 'external', value: 135, unit: 'kg' });
    expect(told.units.assumption).toBeNull();
  });

  it('layout 1: semicolons, decimal commas and the unit of each row', async () => {
    const header = 'Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes';
    const result = await read(`${header}\n2019-01-11 12:31:54;A;Squat;1;62,5;kg;5;8,5;;;0;;\n2019-01-11 12:31:54;A;Squat;2;135;lbs;5;;;;0;;\n`);
    expect(result.sets.map((set) => [set.load, set.rpe])).toStrictEqual([
      [{ kind: 'external', value: 62.5, unit: 'kg' }, 8.5],
      [{ kind: 'external', value: 135, unit: 'lb' }, null],
    ]);
  });

  it('gives every row a stable id from its content: the same file reads to the same ids, and identical sets stay apart', async () => {
    const text = `${STRONG_3}\n${strong3('1', '60', '5')}\n${strong3('2', '60', '5')}\n`;
    const first = await read(text);
    const second = await read(text, { chunk: 3 });
    expect(first.sets.map((set) => set.uid)).toStrictEqual(second.sets.map((set) => set.uid));
    expect(new Set(first.sets.map((set) => set.uid)).size).toBe(2);
    expect(first.sets[0]!.uid).toMatch(/^strong-[0-9a-f]{32}$/);
  });

  it('gives the same ids as earlier versions did, so files imported before are still recognised', async () => {
    const rows = [
      '1,2024-05-02 17:00:00,Legs,3600,Squat (Barbell),1,62.5,5,,0,0,,',
      '1,2024-05-02 17:00:00,Legs,3600,Squat (Barbell),d,62.5,5,,0,0,,',
      '1,2024-05-02 17:00:00,Legs,3600,"Curl ""Hammer"" \\ é",1,12,10,,0,0,,',
      '1,2024-05-02 17:00:00,Legs,3600,Pull Up (Assisted),1,20,8,,0,0,,',
      '1,2024-05-02 17:00:00,Legs,3600,Side  Plank,1,0,0,,0,45,,',
      '2,2024-05-03 7:05:00 pm,Legs,3600,squat (barbell),1,0.1,3,,0,0,,',
    ];
    const result = await read(`${STRONG_3}\n${rows.join('\n')}\n`);
    // Ids written by rehab before the import was made faster.
    expect(result.sets.map((set) => set.uid)).toStrictEqual([
      'strong-f3f06292873e6d4af7feecb0495d17de',
      'strong-cb161ad4c1f668d42e7e9684dc273325',
      'strong-deff05e71d5a90a7e111b8d7d4bcf430',
      'strong-a335b2ea41c3ad928f04f2ddc2fd7190',
      'strong-ae616ebffd4d406d7512e2aeae576a9b',
      'strong-ba766ff93e371cdc497079bc77b28fb5',
    ]);
  });
});

describe('Hevy rows', () => {
  const HEVY = 'title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe';
  const row = (index: number, type: string, weight: string, reps: string, extra = ',,') => `A,"13 Mar 2026, 15:22","13 Mar 2026, 16:30",,Hip Thrust (Barbell),,"pad on, pause",${index},${type},${weight},${reps}${extra},`;

  it('skips warm-ups, keeps normal, drop and failure sets, and reads the date, weight and note', async () => {
    const result = await read(`${HEVY}\n${[row(0, 'warmup', '40', '10'), row(1, 'normal', '80', '10'), row(2, 'dropset', '60', '12'), row(3, 'failure', '60', '4')].join('\n')}\n`);
    expect(result.skipped.warmup).toBe(1);
    expect(result.sets.map((set) => [set.date, set.workout, set.load, set.reps, set.note])).toStrictEqual([
      ['2026-03-13', '2026-03-13T15:22:00', { kind: 'external', value: 80, unit: 'kg' }, 10, 'pad on, pause'],
      ['2026-03-13', '2026-03-13T15:22:00', { kind: 'external', value: 60, unit: 'kg' }, 12, 'pad on, pause'],
      ['2026-03-13', '2026-03-13T15:22:00', { kind: 'external', value: 60, unit: 'kg' }, 4, 'pad on, pause'],
    ]);
  });

  it('refuses an unknown set_type and a negative set_index', async () => {
    const result = await read(`${HEVY}\n${row(1, 'superset', '80', '10')}\n${row(-1, 'normal', '80', '10')}\n`);
    expect(result.invalid).toStrictEqual([
      { line: 2, reason: 'set_type "superset" is not normal, warmup, dropset or failure' },
      { line: 3, reason: 'set_index "-1" is negative' },
    ]);
  });
});

describe('FitNotes rows', () => {
  it('iOS: keeps the weight in the unit it was entered in (the one on a 0.25 step)', async () => {
    const header = 'Date,Exercise,Category,Weight (kg),Weight (lbs),Reps,Distance,Distance Unit,Time,Notes,Kind';
    const text = `${header}\n2024-02-03,Goblet Squat,Legs,20,44.0925,10,,,,,\n2024-02-03,Swing,Legs,11.3398,25,15,,,,,\n2024-02-03,Goblet Squat,Legs,8,17.637,10,,,,,Warmup\n`;
    const result = await read(text);
    expect(result.sets.map((set) => set.load)).toStrictEqual([
      { kind: 'external', value: 20, unit: 'kg' },
      { kind: 'external', value: 25, unit: 'lb' },
    ]);
    expect(result.skipped.warmup).toBe(1);
  });

  it('gives one session per exercise per day (no time in the file) and reads h:mm:ss holds', async () => {
    const header = 'Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time';
    const result = await read(`${header}\n2023-04-01,Plank,Abs,,,,,0:01:30\n2023-04-01,Cycling,Cardio,,,,,0:05:00\n`);
    expect(result.sets).toHaveLength(1);
    expect(result.sets[0]).toMatchObject({ workout: '2023-04-01', seconds: 90, reps: null });
    expect(result.skipped.cardio).toBe(1);
  });

  it('layout 2: the unit of each row, kgs or lbs', async () => {
    const header = 'Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment';
    const result = await read(`${header}\n2023-05-10,Bench,Chest,60.0,kgs,8,,,,\n2023-05-10,Curl,Arms,25.0,lbs,10,,,,\n2023-05-10,Curl,Arms,25.0,stone,10,,,,\n`);
    expect(result.sets.map((set) => set.load)).toStrictEqual([
      { kind: 'external', value: 60, unit: 'kg' },
      { kind: 'external', value: 25, unit: 'lb' },
    ]);
    expect(result.invalid).toStrictEqual([{ line: 4, reason: 'Weight Unit "stone" is not kg or lbs' }]);
  });
});

describe("rehab's own files", () => {
  const HEADER = 'id,date,exercise,session,set,reps,seconds,load,unit,load_type,load_kg,rpe,pain,note,source';

  it('CSV: undoes the export\'s formula guard on text cells, and keeps everything else as it is', async () => {
    const text = `${HEADER}\r\nu1,2026-01-05,Goblet squat,2,3,10,,55,lb,external,24.948,8.5,3,"'=SUM(A1), ""x""",typed\r\nu2,2026-01-06,Side plank,1,1,,30,-20,kg,bodyweight,-20,,,'-5 @home,import:strong\r\n`;
    const result = await read(text);
    expect(result.sets).toStrictEqual([
      expect.objectContaining({ uid: 'u1', date: '2026-01-05', exerciseName: 'Goblet squat', session: 2, setNumber: 3, reps: 10, seconds: null, load: { kind: 'external', value: 55, unit: 'lb' }, rpe: 8.5, pain: 3, note: '=SUM(A1), "x"', source: 'typed' }),
      expect.objectContaining({ uid: 'u2', session: 1, setNumber: 1, reps: null, seconds: 30, load: { kind: 'bodyweight', added: -20, unit: 'kg' }, note: '-5 @home', source: 'import:strong' }),
    ]);
  });

  it.each<[string, string, string]>([
    ['an impossible date', 'u1,2026-02-30,Squat,1,1,10,,20,kg,external,20,,,,typed', 'date "2026-02-30" is not a real date'],
    ['a date before 1900', 'u1,1801-02-21,Squat,1,1,10,,20,kg,external,20,,,,typed', 'date "1801-02-21" is before 1900, the earliest date rehab keeps'],
    ['a date not written as YYYY-MM-DD', 'u1,05/01/2026,Squat,1,1,10,,20,kg,external,20,,,,typed', 'date "05/01/2026" is not a date as YYYY-MM-DD'],
    ['negative reps', 'u1,2026-01-05,Squat,1,1,-3,,20,kg,external,20,,,,typed', 'reps -3 is negative'],
    ['reps and seconds both', 'u1,2026-01-05,Squat,1,1,10,30,20,kg,external,20,,,,typed', 'needs reps or seconds (one of the two)'],
    ['an unknown unit', 'u1,2026-01-05,Squat,1,1,10,,20,st,external,20,,,,typed', 'unit "st" is not kg or lb'],
    ['a negative external load', 'u1,2026-01-05,Squat,1,1,10,,-20,kg,external,-20,,,,typed', 'load -20 is negative for an external load'],
    ['pain above 10', 'u1,2026-01-05,Squat,1,1,10,,20,kg,external,20,,11,,typed', 'pain 11 is not from 0 to 10'],
    ['no id', ',2026-01-05,Squat,1,1,10,,20,kg,external,20,,,,typed', 'id is empty'],
  ])('CSV: reports %s by line', async (_case, row, reason) => {
    const result = await read(`${HEADER}\n${row}\n`);
    expect(result.invalid).toStrictEqual([{ line: 2, reason }]);
  });

  it('reports an id that appears twice, with the line of the first', async () => {
    const row = 'u1,2026-01-05,Squat,1,1,10,,20,kg,external,20,,,,typed';
    const result = await read(`${HEADER}\n${row}\n${row}\n`);
    expect(result.invalid).toStrictEqual([{ line: 3, reason: 'id "u1" is also on line 2' }]);
  });

  const record = { id: 'u1', date: '2026-01-05', exercise: 'Squat', session: 1, set: 1, reps: 10, seconds: null, load: 20, unit: 'kg', load_type: 'external', load_kg: 20, rpe: null, pain: null, note: "'=x", source: 'typed' };

  it('JSON: one array; text is kept as it is (no formula guard in JSON), problems by the line the object starts on', async () => {
    const text = `[\n${JSON.stringify(record)},\n${JSON.stringify({ ...record, id: 'u2', reps: 'ten' })}\n]\n`;
    const result = await read(text);
    expect(result.layout).toMatchObject({ format: 'rehab', id: 'json' });
    expect(result.sets).toHaveLength(1);
    expect(result.sets[0]).toMatchObject({ uid: 'u1', note: "'=x" });
    expect(result.invalid).toStrictEqual([{ line: 3, reason: 'reps "ten" is not a number' }]);
  });

  it('JSONL: one object a line; a line that is not JSON is reported by number', async () => {
    const text = `${JSON.stringify(record)}\n\n{"id": oops}\n${JSON.stringify({ ...record, id: 'u3' })}\n`;
    const result = await read(text, { chunk: 5 });
    expect(result.layout).toMatchObject({ format: 'rehab', id: 'jsonl' });
    expect(result.sets.map((set) => [set.line, set.uid])).toStrictEqual([
      [1, 'u1'],
      [4, 'u3'],
    ]);
    expect(result.invalid).toStrictEqual([{ line: 3, reason: 'is not valid JSON' }]);
  });

  it('JSON that is not a rehab export is a usage error', async () => {
    const error = await usageErrorOf(read('[{"name": "x"}]'));
    expect(error.message).toBe('test.csv is JSON but not a rehab export: its first row does not have the columns of one.');
    const broken = await usageErrorOf(read('[{"id": '));
    expect(broken.message).toMatch(/^test\.csv is not valid JSON \(/);
  });

  it('--from strong on a JSON file says JSON is for rehab exports', async () => {
    const error = await usageErrorOf(read(JSON.stringify([record]), { from: 'strong' }));
    expect(error.message).toBe("test.csv is JSON, and only rehab's own exports are JSON; --from strong reads CSV files.");
  });

  it('itemStartLines: the line each item of a JSON array starts on, ignoring brackets in strings', () => {
    const text = '[\n{"a": "]},{\\"x"},\n {"b": [1, {"c": 2}]},\n\n3, "x",\n{}\n]';
    expect(JSON.parse(text)).toHaveLength(5);
    expect(itemStartLines(text)).toStrictEqual([2, 3, 5, 5, 6]);
    expect(itemStartLines('[]')).toStrictEqual([]);
  });
});
