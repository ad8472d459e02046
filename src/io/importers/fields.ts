// Reading one cell of an export: numbers, dates and times as the apps write them. Pure. A cell
// that cannot be read throws a CellError whose message is the reason shown for the row.

/** A cell that cannot be read; the message names the column and the value. */
export class CellError extends Error {
  override readonly name = 'CellError';
}

/**
 * `read` with its last answer remembered, for a column whose rows repeat a cell: the date of a
 * workout, the name of an exercise. A cell that cannot be read is read (and refused) every time.
 */
export function rememberingLast<T>(read: (text: string, column: string) => T): (text: string, column: string) => T {
  let lastText: string | undefined;
  let last: T;
  return (text, column) => {
    if (text !== lastText) {
      last = read(text, column);
      lastText = text;
    }
    return last;
  };
}

/** `"text"` as messages quote a cell: trimmed, cut short when long. */
export function quote(text: string): string {
  const trimmed = text.trim();
  return JSON.stringify(trimmed.length > 40 ? `${trimmed.slice(0, 37)}...` : trimmed);
}

/**
 * A decimal number, or null for an empty cell. `decimalComma` accepts `62,5` (files separated by
 * semicolons come from locales that write decimals that way). No exponents, no thousands separators.
 */
export function readDecimal(text: string, column: string, options: { decimalComma?: boolean } = {}): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const normal = options.decimalComma && /^[+-]?\d+,\d+$/.test(trimmed) ? trimmed.replace(',', '.') : trimmed;
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(normal)) throw new CellError(`${column} ${quote(text)} is not a number`);
  const value = Number(normal);
  // -0 would print as 0 but compare oddly; a load of "-0" is no load.
  return Object.is(value, -0) ? 0 : value;
}

/** A decimal number of at least 0 (a time, a distance), or null for an empty cell. */
export function readAmount(text: string, column: string, options: { decimalComma?: boolean } = {}): number | null {
  const value = readDecimal(text, column, options);
  if (value !== null && value < 0) throw new CellError(`${column} ${quote(text)} is negative`);
  return value;
}

/** A whole number of at least 0, or null for an empty cell; `8.0` is 8. */
export function readCount(text: string, column: string, options: { decimalComma?: boolean } = {}): number | null {
  const value = readDecimal(text, column, options);
  if (value === null) return null;
  if (value < 0) throw new CellError(`${column} ${quote(text)} is negative`);
  if (!Number.isInteger(value)) throw new CellError(`${column} ${quote(text)} is not a whole number`);
  if (!Number.isSafeInteger(value)) throw new CellError(`${column} ${quote(text)} is too large`);
  return value;
}

/**
 * An RPE, or null when empty. 0 means "not rated" in some apps; otherwise 1–10 (the scale rehab
 * stores; SPEC §2.1).
 */
export function readRpe(text: string, column: string, options: { decimalComma?: boolean } = {}): number | null {
  const value = readDecimal(text, column, options);
  if (value === null || value === 0) return null;
  if (value < 1 || value > 10) throw new CellError(`${column} ${quote(text)} is not an RPE from 1 to 10`);
  return value;
}

/**
 * A duration in seconds, or null when empty: `90`, `90.0`, `1:30` (m:ss) or `0:01:30` (h:mm:ss),
 * as FitNotes writes its Time column.
 */
export function readDuration(text: string, column: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!trimmed.includes(':')) return readAmount(trimmed, column);
  const match = /^(?:(\d+):)?(\d+):(\d{1,2}(?:\.\d+)?)$/.exec(trimmed);
  if (!match) throw new CellError(`${column} ${quote(text)} is not a time like 0:01:30`);
  const hours = Number(match[1] ?? 0);
  const minutes = Number(match[2]);
  const seconds = Number(match[3]);
  if ((match[1] !== undefined && minutes > 59) || seconds >= 60) throw new CellError(`${column} ${quote(text)} is not a time like 0:01:30`);
  return hours * 3600 + minutes * 60 + seconds;
}

/** A moment as an export records it: the calendar date, and the time of day when there is one. */
export interface DateTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM:SS, 24-hour, or null for a date alone. */
  time: string | null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Spaces apps put before am/pm: a space, a no-break space, or (Strong, iOS 17+) a narrow no-break space. */
const SPACE = '[ \\u00A0\\u202F]';
const CLOCK = `(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:${SPACE}*([ap])\\.?m\\.?)?`;
/** 2019-01-11, 2019-01-11 12:31:54, 2025-01-30 12:34:56 pm, 2019-01-11T12:31:54. */
const ISO_LIKE = new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:(?:[ T]|${SPACE})+${CLOCK})?$`, 'i');
/** Hevy: 13 Mar 2026, 15:22 (and 13 March 2026, 3:22 pm). */
const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2})${SPACE}+([a-z]+)\\.?${SPACE}+(\\d{4}),?(?:${SPACE}+${CLOCK})?$`, 'i');

/**
 * Reads the dates the apps write: `2019-01-11 12:31:54` (Strong, 24-hour), `2025-01-30 12:34:56 pm`
 * (Strong, 12-hour, usually with U+202F before pm), `13 Mar 2026, 15:22` (Hevy), `2026-03-13`
 * (FitNotes). The date is taken as written, with no time zone. A date that does not exist
 * (30 February, month 13, 25 o'clock), or one before 1900, throws a CellError.
 */
export function readDateTime(text: string, column: string): DateTime {
  const trimmed = text.trim();
  if (trimmed === '') throw new CellError(`${column} is empty`);
  let year: number;
  let month: number;
  let day: number;
  let clock: Array<string | undefined>;
  const iso = ISO_LIKE.exec(trimmed);
  const named = iso ? null : DAY_MONTH_YEAR.exec(trimmed);
  if (iso) {
    year = Number(iso[1]);
    month = Number(iso[2]);
    day = Number(iso[3]);
    clock = iso.slice(4, 8);
  } else if (named) {
    const monthIndex = MONTHS.indexOf((named[2] ?? '').slice(0, 3).toLowerCase());
    if (monthIndex < 0 || !isMonthName(named[2] ?? '')) throw new CellError(`${column} ${quote(text)} has an unknown month`);
    year = Number(named[3]);
    month = monthIndex + 1;
    day = Number(named[1]);
    clock = named.slice(4, 8);
  } else {
    throw new CellError(`${column} ${quote(text)} is not a date rehab can read (like 2026-03-13 or 2026-03-13 15:22:00)`);
  }
  const problem = dateProblem(year, month, day);
  if (problem !== undefined) throw new CellError(`${column} ${quote(text)} ${problem}`);
  const date = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  const [hourText, minuteText, secondText, meridiem] = clock;
  if (hourText === undefined) return { date, time: null };
  let hour = Number(hourText);
  const minute = Number(minuteText);
  const second = secondText === undefined ? 0 : Number(secondText);
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) throw new CellError(`${column} ${quote(text)} is not a real time`);
    // 12 am is midnight, 12 pm noon.
    hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) throw new CellError(`${column} ${quote(text)} is not a real time`);
  return { date, time: `${pad(hour)}:${pad(minute)}:${pad(second)}` };
}

function isMonthName(word: string): boolean {
  const lower = word.toLowerCase();
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
  return full.some((name) => name.startsWith(lower) && lower.length >= 3) || lower === 'sept';
}

/**
 * Why a day cannot be a set's date, or undefined when it can: it must be a day of the Gregorian
 * calendar, from 1900 on (older is a typo, not a workout; `rehab log --date` refuses it too).
 */
export function dateProblem(year: number, month: number, day: number): string | undefined {
  if (!isCalendarDay(year, month, day)) return 'is not a real date';
  if (year < 1900) return 'is before 1900, the earliest date rehab keeps';
  return undefined;
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** Longer than any exercise name; a longer cell is a broken row, not a name. */
const LONGEST_NAME = 100;

/**
 * An exercise name: `Squat  (Barbell) ` → `Squat (Barbell)` (names are compared and stored
 * trimmed, spaces collapsed). Empty, or longer than `longest` (100) characters, throws a CellError.
 */
export function readName(text: string, column: string, longest = LONGEST_NAME): string {
  const name = text.trim().replace(/\s+/g, ' ');
  if (name === '') throw new CellError(`${column} is empty`);
  if (name.length > longest) throw new CellError(`${column} ${quote(name)} is longer than ${longest} characters`);
  return name;
}

/** A note: trimmed, or null when empty. */
export function readNote(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}
