// Rounding and caps for prescribed loads (SPEC §4 step 5). Pure arithmetic on amounts: an
// external weight, or the signed added amount of a bodyweight load (negative = assisted).
// Sources are listed in docs/rules.md ("Sources"), from the research notes (research/rules-evidence.md).

import { tidy } from './units.js';

/** Slack for float noise when dividing by a step (0.1 + 0.2 is not 0.3). */
const EPSILON = 1e-9;

/** ACSM 2009 (Ratamess et al.): increase load by 2–10 %; a progression never adds more than 10 %. */
export const MAX_PROGRESS_FRACTION = 0.1;

/** [design] on ACSM 2009 (Ratamess et al.) 2–10 %: a regression takes one increment or 10 %, whichever is larger. */
export const REGRESS_FRACTION = 0.1;

function stepsIn(amount: number, step: number): number {
  return amount / step;
}

/** The largest multiple of `step` at or below `amount`. */
export function floorToStep(amount: number, step: number): number {
  if (step <= 0) return tidy(amount);
  return tidy(Math.floor(stepsIn(amount, step) + EPSILON) * step);
}

/** The smallest multiple of `step` at or above `amount`. */
export function ceilToStep(amount: number, step: number): number {
  if (step <= 0) return tidy(amount);
  return tidy(Math.ceil(stepsIn(amount, step) - EPSILON) * step);
}

/** The nearest multiple of `step` (halves round up). */
export function roundToStep(amount: number, step: number): number {
  if (step <= 0) return tidy(amount);
  return tidy(Math.round(stepsIn(amount, step) + EPSILON) * step);
}

/** The smallest multiple of `step` strictly above `amount`. */
function stepAbove(amount: number, step: number): number {
  return tidy(floorToStep(amount, step) + step);
}

/** The largest multiple of `step` strictly below `amount`. */
function stepBelow(amount: number, step: number): number {
  return tidy(ceilToStep(amount, step) - step);
}

/**
 * The next amount after a successful session: one increment, never more than +10 % of a positive
 * load (ACSM 2009), rounded down to the step, but always at least one step up — at small loads the
 * step wins over the cap (an 8 kg kettlebell goes to 12 kg). From zero or below (bodyweight,
 * assisted) there is no cap.
 */
export function progressAmount(current: number, increment: number, step: number): number {
  const raw = current + increment;
  const capped = current > 0 ? Math.min(raw, current * (1 + MAX_PROGRESS_FRACTION)) : raw;
  return Math.max(floorToStep(capped, step), stepAbove(current, step));
}

/**
 * A load cut by `fraction` for a deload or a layoff, rounded down to the step and always at least
 * one step lower. A positive load never goes below 0; zero stays zero. An assisted (negative)
 * amount gets more assistance: at least one step, or the fraction of the assistance.
 */
export function reduceAmount(current: number, fraction: number, step: number): number {
  if (current < 0) return floorToStep(current - Math.max(step, Math.abs(current) * fraction), step);
  if (current === 0) return 0;
  const cut = floorToStep(current * (1 - fraction), step);
  const lower = cut < current - EPSILON ? cut : stepBelow(current, step);
  return Math.max(0, lower);
}

/**
 * A load after pain: one increment down or −10 %, whichever is larger, rounded down to the step
 * (SPEC §4, pain rules). A positive load never goes below 0; bodyweight at 0 stays 0; an assisted
 * load gets more assistance.
 */
export function regressAmount(current: number, increment: number, step: number): number {
  if (current === 0) return 0;
  const lowered = floorToStep(current - Math.max(increment, Math.abs(current) * REGRESS_FRACTION), step);
  return current > 0 ? Math.max(0, lowered) : lowered;
}
