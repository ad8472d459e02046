// Commander argument parsers: user input becomes typed values here, at the edge, or a usage
// error that says what would be right.
import { parseLogDate, parsePain, parseRpe } from '../domain/log-grammar.js';
import { usageError } from '../errors.js';

/**
 * `--date` values: today, yesterday, -3d, a weekday, YYYY-MM-DD. Logging refuses the future;
 * `next` and the history filters may look ahead (an ISO date only, for planning).
 */
export function dateParser(today: string, options: { allowFuture?: boolean } = {}) {
  return (text: string): string => {
    if (options.allowFuture && /^\d{4}-\d{2}-\d{2}$/.test(text.trim())) {
      // Validated as a real calendar date against a far-off "today".
      return parseLogDate(text, '9999-12-31');
    }
    return parseLogDate(text, today);
  };
}

export const rpeParser = (text: string): number => parseRpe(text);
export const painParser = (text: string): number => parsePain(text);

export function integerParser(option: string, minimum: number) {
  return (text: string): number => {
    const value = Number(text);
    if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < minimum) {
      throw usageError(`${option} "${text}" is not a whole number of at least ${minimum}.`, `Write it like ${option} 10.`);
    }
    return value;
  };
}
