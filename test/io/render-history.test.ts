import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LoggedSet } from '../../src/domain/types.js';
import { renderHistoryAsJson, renderHistoryAsText, type HistorySession } from '../../src/io/render-history.js';
import { createStyle } from '../../src/io/style.js';

function set(id: number, note: string | null): LoggedSet {
  return {
    id,
    uid: `uid-${id}`,
    exerciseId: 1,
    date: '2026-11-20',
    session: 1,
    setNumber: 1,
    reps: 10,
    seconds: null,
    load: { kind: 'external', value: 20, unit: 'kg' },
    rpe: null,
    pain: null,
    note,
    source: 'typed',
  };
}

const session = (date: string, name: string, sets: LoggedSet[]): HistorySession => ({ date, exerciseId: 1, exerciseName: name, sets });

describe('renderHistoryAsJson', () => {
  it('writes, in pieces, what JSON.stringify(…, null, 2) writes for the whole array', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.string({ unit: 'binary', maxLength: 400 })), { maxLength: 400 }), (notes) => {
        const sessions = notes.map((note, index) => session('2026-11-20', `Exercise ${index % 3}`, [set(index + 1, note)]));
        const pieces = [...renderHistoryAsJson(sessions)];
        const output = pieces.join('');
        expect(output).toBe(`${JSON.stringify(JSON.parse(output), null, 2)}\n`);
        expect((JSON.parse(output) as unknown[]).length).toBe(sessions.length);
      }),
      { numRuns: 40 },
    );
  });

  it('hands long output over in several pieces of about 64 KB', () => {
    const sessions = Array.from({ length: 1000 }, (_, index) => session('2026-11-20', 'Squat', [set(index + 1, 'x'.repeat(100))]));
    const pieces = [...renderHistoryAsJson(sessions)];
    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces.slice(0, -1)) expect(piece.length).toBeGreaterThanOrEqual(64 * 1024);
    const output = pieces.join('');
    expect(output).toBe(`${JSON.stringify(JSON.parse(output), null, 2)}\n`);
  });

  it('writes [] for no sessions', () => {
    expect([...renderHistoryAsJson([])].join('')).toBe('[]\n');
  });
});

describe('renderHistoryAsText', () => {
  const context = { today: '2026-11-24', displayUnits: undefined, style: createStyle(false) };

  it('lines up the names to the longest exercise of the dates shown, one blank line between days', () => {
    const text = [
      ...renderHistoryAsText(
        {
          exerciseNames: ['Squat', 'Romanian deadlift'],
          entries: [session('2026-11-24', 'Squat', [set(2, null)]), session('2026-11-20', 'Squat', [set(1, 'easy')])],
        },
        context,
      ),
    ].join('');
    expect(text).toBe(
      ['Tue 24 Nov (today)', '  Squat              20 kg 1×10  id 2', '', 'Fri 20 Nov (4 days ago)', '  Squat              20 kg 1×10  “easy”  id 1', ''].join('\n'),
    );
  });

  it('says when there is nothing to show', () => {
    expect([...renderHistoryAsText({ exerciseNames: [], entries: [] }, context)].join('')).toBe(
      'Nothing logged yet for that. Record a session with `rehab log squat 25kg 3x8`.\n',
    );
  });
});
