import type { Load, Unit } from '../domain/types.js';

/** The three columns a load is stored in (as entered: never converted). */
export interface LoadColumns {
  load_kind: 'external' | 'bodyweight';
  load_value: number;
  load_unit: Unit;
}

/** A load from its stored columns: the weight, or for bodyweight the signed amount added. */
export function loadFromColumns(row: LoadColumns): Load {
  return row.load_kind === 'external'
    ? { kind: 'external', value: row.load_value, unit: row.load_unit }
    : { kind: 'bodyweight', added: row.load_value, unit: row.load_unit };
}
