import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ceilToStep,
  floorToStep,
  progressAmount,
  reduceAmount,
  regressAmount,
  roundToStep,
} from '../../src/domain/load-steps.js';

describe('floorToStep / ceilToStep / roundToStep', () => {
  it.each([
    { name: 'a multiple stays put despite float noise (0.1 + 0.2)', amount: 0.1 + 0.2, step: 0.1, floor: 0.3, ceil: 0.3, round: 0.3 },
    { name: 'between two 2 kg dumbbells', amount: 25, step: 2, floor: 24, ceil: 26, round: 26 },
    { name: 'barbell 2.5 kg steps', amount: 36, step: 2.5, floor: 35, ceil: 37.5, round: 35 },
    { name: 'assisted (negative) amounts', amount: -21, step: 2.5, floor: -22.5, ceil: -20, round: -20 },
    { name: 'lb steps', amount: 62, step: 5, floor: 60, ceil: 65, round: 60 },
  ])('$name', ({ amount, step, floor, ceil, round }) => {
    expect(floorToStep(amount, step)).toBe(floor);
    expect(ceilToStep(amount, step)).toBe(ceil);
    expect(roundToStep(amount, step)).toBe(round);
  });
});

describe('progressAmount (SPEC §4 step 5)', () => {
  it.each([
    { name: 'rounds to a 2 kg dumbbell step (25 → 26)', current: 25, increment: 2, step: 2, next: 26 },
    { name: 'barbell +2.5 kg is one step even above 10 % (20 → 22.5, ACSM 2009 cap loses to one step)', current: 20, increment: 2.5, step: 2.5, next: 22.5 },
    { name: 'caps at +10 % (40 kg +5 → cap 44 → 42.5, ACSM 2009: 2–10 %)', current: 40, increment: 5, step: 2.5, next: 42.5 },
    { name: 'adds at least one step at small loads (8 kg kettlebell → 12)', current: 8, increment: 4, step: 4, next: 12 },
    { name: 'from bodyweight (0) there is no cap (→ 2.5)', current: 0, increment: 2.5, step: 2.5, next: 2.5 },
    { name: 'assisted −20 → −17.5 (less assistance)', current: -20, increment: 2.5, step: 2.5, next: -17.5 },
    { name: 'lb: 55 lb dumbbell +5 → 60 lb', current: 55, increment: 5, step: 5, next: 60 },
  ])('$name', ({ current, increment, step, next }) => {
    expect(progressAmount(current, increment, step)).toBe(next);
  });

  it('never adds more than max(one step, 10 %) to a positive load, and always at least one step (property, ACSM 2009)', () => {
    const steps = fc.constantFrom(1.25, 2, 2.5, 4, 5);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), steps, fc.integer({ min: 1, max: 4 }), (k, step, n) => {
        const current = k * step;
        const next = progressAmount(current, n * step, step);
        expect(next - current).toBeGreaterThanOrEqual(step - 1e-9);
        expect(next - current).toBeLessThanOrEqual(Math.max(step, current * 0.1) + 1e-9);
        expect(Math.abs(next / step - Math.round(next / step))).toBeLessThan(1e-9);
      }),
    );
  });
});

describe('reduceAmount (deloads and layoffs round down)', () => {
  it.each([
    { name: '−10 % of 25 kg on a 2 kg step → 22 (layoff 11–21 days, [design] on McMaster 2013)', current: 25, fraction: 0.1, step: 2, next: 22 },
    { name: '−20 % of 25 kg → 20 (layoff 22–56 days)', current: 25, fraction: 0.2, step: 2, next: 20 },
    { name: '−30 % of 25 kg → 16 (layoff > 56 days)', current: 25, fraction: 0.3, step: 2, next: 16 },
    { name: '−10 % of 50 kg barbell → 45 (StrongLifts deload)', current: 50, fraction: 0.1, step: 2.5, next: 45 },
    { name: 'tiny loads still go one step down (4 kg −10 % → 2)', current: 4, fraction: 0.1, step: 2, next: 2 },
    { name: 'never below 0 for external loads', current: 1, fraction: 0.1, step: 2, next: 0 },
    { name: 'bodyweight at 0 stays 0', current: 0, fraction: 0.3, step: 2.5, next: 0 },
    { name: 'assisted −20 kg gets more assistance (−22.5)', current: -20, fraction: 0.1, step: 2.5, next: -22.5 },
    { name: 'assisted −30 kg −20 % → −36 → rounded down to −37.5', current: -30, fraction: 0.2, step: 2.5, next: -37.5 },
  ])('$name', ({ current, fraction, step, next }) => {
    expect(reduceAmount(current, fraction, step)).toBe(next);
  });
});

describe('regressAmount (pain: one step or −10 %, whichever is larger)', () => {
  it.each([
    { name: '20 kg barbell: one step (2.5) beats 10 % (2) → 17.5 (SPEC §4 pain rules)', current: 20, increment: 2.5, step: 2.5, next: 17.5 },
    { name: '60 kg: 10 % (6) beats one step → 54 → rounded down to 52.5', current: 60, increment: 2.5, step: 2.5, next: 52.5 },
    { name: 'small external loads stop at 0', current: 2, increment: 2, step: 2, next: 0 },
    { name: 'bodyweight added 0 stays 0', current: 0, increment: 2.5, step: 2.5, next: 0 },
    { name: 'assisted −20 kg gets one more step of assistance', current: -20, increment: 2.5, step: 2.5, next: -22.5 },
  ])('$name', ({ current, increment, step, next }) => {
    expect(regressAmount(current, increment, step)).toBe(next);
  });
});
