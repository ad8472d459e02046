import { describe, expect, it } from 'vitest';
import { bestE1rmKg, epley } from '../../src/domain/e1rm.js';
import type { Load, SessionSet } from '../../src/domain/types.js';

const set = (load: Load, reps: number | null, seconds: number | null = null): SessionSet => ({ reps, seconds, load, rpe: null, pain: null });
const kg = (value: number): Load => ({ kind: 'external', value, unit: 'kg' });

describe('epley', () => {
  it.each([
    ['10 reps: w·(1 + 10/30) = 1.333·w (Epley; Brzycki agrees at 10)', 30, 10, 40],
    ['8 reps: w·(1 + 8/30)', 24, 8, 24 * (1 + 8 / 30)],
    ['1 rep is the weight itself, not 1.033·w (research notes)', 100, 1, 100],
    ['11 reps: no estimate (Reynolds 2006: only from ≤ 10 reps)', 30, 11, null],
    ['0 reps: no estimate', 30, 0, null],
  ])('%s', (_rule, weight, reps, expected) => {
    expect(epley(weight, reps)).toBe(expected);
  });
});

describe('bestE1rmKg', () => {
  it.each<[string, SessionSet[], number | null]>([
    ['the best set of the session counts', [set(kg(20), 10), set(kg(24), 5)], 28],
    ['lb is converted exactly: 45 lb × 1 = 20.41165665 kg', [set({ kind: 'external', value: 45, unit: 'lb' }, 1)], 45 * 0.45359237],
    ['sets above 10 reps are ignored (Reynolds 2006)', [set(kg(30), 12), set(kg(20), 10)], 20 * (1 + 10 / 30)],
    ['bodyweight alone has no external load, so no estimate', [set({ kind: 'bodyweight', added: 0, unit: 'kg' }, 8)], null],
    ['bw + 10 kg counts the added 10 kg', [set({ kind: 'bodyweight', added: 10, unit: 'kg' }, 1)], 10],
    ['assistance (bw − 20 kg) adds nothing', [set({ kind: 'bodyweight', added: -20, unit: 'kg' }, 5)], null],
    ['timed holds give no estimate', [set(kg(10), null, 30)], null],
  ])('%s', (_rule, sets, expected) => {
    const best = bestE1rmKg(sets);
    if (expected === null) expect(best).toBeNull();
    else expect(best).toBeCloseTo(expected, 9);
  });
});
