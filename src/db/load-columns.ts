import type { Load, Unit } from '../domain/types.js';

/** The three columns a load is stored in (as entered: never converted). */
export interface LoadColumns {
  load_kind: 'external' | 'bodyweight';
  load_value: number;
  load_unit: Unit;
}

/** A load from its stored columns: the weight, or for bodyweight the signed amount added. */
export function loadFromColumns(row: LoadColumns): Load {
  return loadFrom(row.load_kind, row.load_value, row.load_unit);
}

/** The same from the three values, as a raw row holds them. */
export function loadFrom(kind: LoadColumns['load_kind'], value: number, unit: Unit): Load {
  return kind === 'external' ? { kind: 'external', value, unit } : { kind: 'bodyweight', added: value, unit };
}
