// Issue 4's property: random logs (commas, quotes, line breaks, unicode, formula-like text) survive
// export → import into an empty log → export byte-identical, in CSV, JSON and JSONL. In process
// (the repositories, the export writer and the import handler), so a hundred logs run in seconds;
// test/e2e/import.test.ts does the same through the built binary.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importCommand } from '../../../src/commands/import.js';
import { openLog } from '../../../src/commands/open-log.js';
import type { RunContext } from '../../../src/commands/context.js';
import { ExportRepository } from '../../../src/db/export-repository.js';
import { defaultSettings } from '../../../src/domain/exercise-defaults.js';
import type { Load } from '../../../src/domain/types.js';
import { writeExport, type ExportFormat } from '../../../src/io/export-writer.js';
import { createStyle } from '../../../src/io/style.js';
import { tempFolder } from '../../db/fixtures.js';

const NOW = '2026-11-24T07:00:00.000Z';

function context(dbPath: string): RunContext {
  return { dbPath, displayUnits: undefined, today: '2026-11-24', now: NOW, style: createStyle(false), stdinIsTTY: false };
}

/** Text a spreadsheet would run, text that looks guarded already, and text CSV must quote. */
const awkwardText = fc.oneof(
  fc.constantFrom('=SUM(A1)', "'=x", "''+1", '+1', '-2+3', '@cmd', '\tlead tab', '\rlead CR', 'a, b', '"quoted"', 'line\nbreak', 'crlf\r\nend', ' spaced ', 'é ü 日本 🏋️'),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', '=', "'", ' ', ';', '\t'), maxLength: 12 }),
);

const exerciseNames = fc.uniqueArray(
  fc.oneof(fc.constantFrom('Hip thrust', '=Squat', '-Row', '+Press', '@Curl', 'Side, step', 'Quote "x"', 'Übung'), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 })),
  { minLength: 1, maxLength: 4, selector: (name) => name.trim().replace(/\s+/g, ' ').toLowerCase() },
);

const load: fc.Arbitrary<Load> = fc.oneof(
  fc.record({ kind: fc.constant('external' as const), value: fc.integer({ min: 0, max: 400_000 }).map((n) => n / 1000), unit: fc.constantFrom('kg' as const, 'lb' as const) }),
  fc.record({ kind: fc.constant('bodyweight' as const), added: fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 1000), unit: fc.constantFrom('kg' as const, 'lb' as const) }),
);

const set = fc.record({
  timed: fc.boolean(),
  count: fc.integer({ min: 1, max: 300 }),
  load,
  rpe: fc.option(fc.integer({ min: 2, max: 20 }).map((n) => n / 2), { nil: null }),
  pain: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
  note: fc.option(awkwardText, { nil: null }),
});

const session = fc.record({
  exercise: fc.nat(),
  day: fc.integer({ min: 0, max: 9000 }),
  sets: fc.array(set, { minLength: 1, maxLength: 4 }),
});

const log = fc.record({ names: exerciseNames, sessions: fc.array(session, { minLength: 1, maxLength: 8 }) });

type RandomLog = typeof log extends fc.Arbitrary<infer T> ? T : never;

/** Writes the random log through the repositories into a new log file (starter programme and all). */
function writeLog(file: string, random: RandomLog): void {
  const rehab = openLog(context(file));
  try {
    const ids = random.names.flatMap((name) => {
      if (name.trim() === '' || rehab.exercises.findByNameOrAlias(name)) return [];
      return [rehab.exercises.create({ name, aliases: [], settings: defaultSettings('barbell', 'kg') }, NOW).id];
    });
    if (ids.length === 0) ids.push(1);
    for (const { exercise, day, sets } of random.sessions) {
      const date = new Date(Date.UTC(2001, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
      rehab.sets.logSession({
        exerciseId: ids[exercise % ids.length]!,
        date,
        sets: sets.map(({ timed, count, ...rest }) => ({ reps: timed ? null : count, seconds: timed ? count : null, ...rest })),
        source: 'typed',
        summary: 'random',
        now: NOW,
      });
    }
  } finally {
    rehab.close();
  }
}

async function exportText(file: string, format: ExportFormat): Promise<string> {
  const rehab = openLog(context(file));
  try {
    let text = '';
    await writeExport(rehab.repository(ExportRepository).pages(), format, async (chunk) => {
      text += chunk;
    });
    return text;
  } finally {
    rehab.close();
  }
}

describe('export → import → export (issue 4 property; SPEC §5)', () => {
  it.each<ExportFormat>(['csv', 'json', 'jsonl'])('%s is byte-identical for random logs', async (format) => {
    await fc.assert(
      fc.asyncProperty(log, async (random) => {
        const folder = tempFolder();
        const original = path.join(folder, 'a.db');
        writeLog(original, random);
        const exported = await exportText(original, format);
        const file = path.join(folder, `export.${format}`);
        writeFileSync(file, exported);

        const copy = path.join(folder, 'b.db');
        await importCommand(file, { from: 'auto', map: [], format: 'text' }, context(copy));
        expect(await exportText(copy, format)).toBe(exported);

        // Into the log it came from, nothing is new.
        const again = await importCommand(file, { from: 'auto', map: [], format: 'json' }, context(original));
        expect(JSON.parse(again.stdout ?? '')).toMatchObject({ added: 0 });
      }),
      { numRuns: 30 },
    );
  });
});
