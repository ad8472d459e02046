import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyweightOn, bodyweightTotal, type DatedBodyweight } from '../../src/domain/bodyweight.js';

const weight = (date: string, value: number, unit: 'kg' | 'lb' = 'kg'): DatedBodyweight => ({ date, load: { kind: 'external', value, unit } });
const weights = [weight('2026-03-01', 80), weight('2026-03-10', 82), weight('2026-03-20', 180, 'lb')];

describe('bodyweightOn', () => {
  it.each<[string, string, number | undefined]>([
    ['before the first weighing: unknown', '2026-02-28', undefined],
    ['on the day of a weighing: that one', '2026-03-10', 82],
    ['between weighings: the latest before', '2026-03-15', 82],
    ['after the last: the last', '2027-01-01', 180],
  ])('%s', (_rule, date, expected) => {
    expect(bodyweightOn(weights, date)?.load.value).toBe(expected);
  });
});

describe('bodyweightTotal', () => {
  it.each<[string, Parameters<typeof bodyweightTotal>, number]>([
    ['bw + 10 kg at 80 kg → 90 kg', [{ kind: 'bodyweight', added: 10, unit: 'kg' }, { kind: 'external', value: 80, unit: 'kg' }, 'kg'], 90],
    ['bw − 20 kg (assisted) at 80 kg → 60 kg', [{ kind: 'bodyweight', added: -20, unit: 'kg' }, { kind: 'external', value: 80, unit: 'kg' }, 'kg'], 60],
    ['bw at 180 lb, in kg → 81.647 kg', [{ kind: 'bodyweight', added: 0, unit: 'kg' }, { kind: 'external', value: 180, unit: 'lb' }, 'kg'], 81.647],
    ['bw + 10 lb at 80 kg, in lb → 186.37 lb', [{ kind: 'bodyweight', added: 10, unit: 'lb' }, { kind: 'external', value: 80, unit: 'kg' }, 'lb'], 186.37],
  ])('%s', (_rule, args, expected) => {
    expect(bodyweightTotal(...args)).toBe(expected);
  });
});

describe('bodyweightOn, as a search', () => {
  it('finds what a walk from the oldest finds, for any weighings and any day', () => {
    const day = fc.integer({ min: 0, max: 400 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(day, { maxLength: 30 }), day, (days, date) => {
        const sorted = [...days].sort().map((d, index) => weight(d, 60 + index));
        let walked: DatedBodyweight | undefined;
        for (const w of sorted) if (w.date <= date) walked = w;
        expect(bodyweightOn(sorted, date)).toBe(walked);
      }),
    );
  });
});
