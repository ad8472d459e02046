// What every reader is told besides the header: the file's delimiter and where units come from
// when the file does not say.
import type { Unit } from '../../domain/types.js';
import { CellError, quote } from './fields.js';

export interface ReaderOptions {
  /** The CSV delimiter: a file separated by semicolons may write decimals with a comma. */
  delimiter: string;
  units: UnitSource;
}

/**
 * The unit of weights a file gives without one (Strong's layout 2 has no unit column): `--unit`
 * when given, else the log's own unit, which is then an assumption the report states.
 */
export class UnitSource {
  private assumedRows = 0;
  /** Whether any row needed a unit the file did not give. */
  consulted = false;
  /** Weighted rows that took their unit from `--unit`. */
  explicitRows = 0;

  constructor(
    /** `--unit`, if given. */
    readonly explicit: Unit | undefined,
    /** The log's units, the guess when `--unit` is not given. */
    private readonly logUnits: Unit,
  ) {}

  /** The unit to use; `weighted` rows (a weight other than 0) count toward the assumption reported. */
  fallback(weighted: boolean): Unit {
    this.consulted = true;
    if (this.explicit !== undefined) {
      if (weighted) this.explicitRows += 1;
      return this.explicit;
    }
    if (weighted) this.assumedRows += 1;
    return this.logUnits;
  }

  /** A unit for a row with no weight at all, where it is only a label: not counted as used. */
  forNoWeight(): Unit {
    return this.explicit ?? this.logUnits;
  }

  /** The assumption made, when weights were read without a unit and without `--unit`. */
  get assumption(): { unit: Unit; rows: number } | null {
    return this.assumedRows > 0 ? { unit: this.logUnits, rows: this.assumedRows } : null;
  }
}

/** A unit cell: `kg`, `kgs`, `lb`, `lbs` (any case), or null when empty. */
export function readUnit(text: string, column: string): Unit | null {
  const word = text.trim().toLowerCase();
  if (word === '') return null;
  if (word === 'kg' || word === 'kgs' || word === 'kilograms') return 'kg';
  if (word === 'lb' || word === 'lbs' || word === 'pounds') return 'lb';
  throw new CellError(`${column} ${quote(text)} is not kg or lbs`);
}
