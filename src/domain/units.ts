import type { Load, PerUnit, Unit } from './types.js';

/** 1 lb = 0.45359237 kg exactly (international yard and pound agreement, 1959). */
export const KG_PER_LB = 0.45359237;

/** Rounds away float noise (0.1 + 0.2) so loads compare and print cleanly. */
export function tidy(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export function toKg(value: number, unit: Unit): number {
  return unit === 'kg' ? value : value * KG_PER_LB;
}

export function fromKg(kg: number, unit: Unit): number {
  return unit === 'kg' ? kg : kg / KG_PER_LB;
}

export function convert(value: number, from: Unit, to: Unit): number {
  return from === to ? value : fromKg(toKg(value, from), to);
}

/**
 * The external weight a load adds, in kg: the weight itself, or what is added to the body.
 * Assistance (`bw-20kg`) adds nothing.
 */
export function externalKg(load: Load): number {
  return load.kind === 'external' ? toKg(load.value, load.unit) : Math.max(0, toKg(load.added, load.unit));
}

/**
 * A single number to compare loads of one exercise by, in kg: the external weight, or for
 * bodyweight loads the signed amount added (so bw-20kg < bw < bw+10kg). Body weight itself is
 * the same on both sides of a comparison, so it is left out.
 */
export function comparableKg(load: Load): number {
  return load.kind === 'external' ? toKg(load.value, load.unit) : toKg(load.added, load.unit);
}

/** The amount a load is counted in for progression: external weight, or the added load. */
export function amountOf(load: Load): number {
  return load.kind === 'external' ? load.value : load.added;
}

/** The same kind of load with a new amount, in the given unit. */
export function withAmount(load: Load, amount: number, unit: Unit): Load {
  const value = tidy(amount);
  return load.kind === 'external' ? { kind: 'external', value, unit } : { kind: 'bodyweight', added: value, unit };
}

/** A load expressed in another unit (for display only: stored loads are never converted). */
export function loadIn(load: Load, unit: Unit): Load {
  return withAmount(load, convert(amountOf(load), load.unit, unit), unit);
}

export function perUnit(amounts: PerUnit, unit: Unit): number {
  return amounts[unit];
}

function formatNumber(value: number): string {
  return String(tidy(value));
}

/** A load as shown in `unit` (`--units`: converted for display only), or as logged without one. */
export function formatLoadIn(load: Load, unit: Unit | undefined): string {
  return formatLoad(unit !== undefined && unit !== load.unit ? loadIn(load, unit) : load);
}

/** `25 kg`, `55 lb`, `bodyweight`, `bw + 10 kg`, `bw − 20 kg` — how loads read in output. */
export function formatLoad(load: Load): string {
  if (load.kind === 'external') return `${formatNumber(load.value)} ${load.unit}`;
  if (load.added === 0) return 'bodyweight';
  const sign = load.added > 0 ? '+' : '−';
  return `bw ${sign} ${formatNumber(Math.abs(load.added))} ${load.unit}`;
}
