import type { Unit } from '../domain/types.js';
import type { Style } from '../io/style.js';

/** What every handler is given: the edges of the world, resolved once in the CLI layer. */
export interface RunContext {
  /** The log file: --db, else $REHAB_DB, else the platform data folder. */
  dbPath: string;
  /** `--units`: how loads are shown; stored loads are never converted. */
  displayUnits: Unit | undefined;
  /** Today's local calendar date, 'YYYY-MM-DD': the clock, injected. */
  today: string;
  /** The current instant, ISO 8601, for created_at stamps. */
  now: string;
  style: Style;
  stdinIsTTY: boolean;
  /**
   * The terminal's width in columns when stdout is a terminal: text is fitted to it (long reasons
   * and notes wrap). Unset in a pipe, where nothing is ever cut or wrapped.
   */
  terminalColumns?: number;
  /** The width a chart is drawn to: the terminal's, else $COLUMNS, else 80. */
  chartColumns?: number;
}
