// Calendar arithmetic on ISO dates ('2026-11-24'), for the hot paths of the rules engine: a few
// integer operations instead of parsing into Date objects. Dates are calendar days, so UTC
// arithmetic is exact (no time zones, no daylight saving).

const MS_PER_DAY = 86_400_000;

/** Day numbers already worked out: the rules engine asks about the same dozen dates many times. */
const dayNumbers = new Map<string, number>();

/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(isoDate: string): number {
  let days = dayNumbers.get(isoDate);
  if (days === undefined) {
    days = Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / MS_PER_DAY;
    dayNumbers.set(isoDate, days);
  }
  return days;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The ISO date `days` days after `isoDate` (before, when negative). */
export function addDaysIso(isoDate: string, days: number): string {
  return new Date((dayNumber(isoDate) + days) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The ISO date `weeks` weeks after `isoDate` (before, when negative). */
export function addWeeksIso(isoDate: string, weeks: number): string {
  return addDaysIso(isoDate, 7 * weeks);
}

/** The same day `months` months later, or the month's last day when it is shorter (31 Jan + 1 month = 28 or 29 Feb). */
export function addMonthsIso(isoDate: string, months: number): string {
  const monthIndex = Number(isoDate.slice(0, 4)) * 12 + Number(isoDate.slice(5, 7)) - 1 + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(isoDate.slice(8, 10)), lastDay);
  return new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);
}

/** The Monday of the ISO week (Monday to Sunday) holding `isoDate`. */
export function startOfIsoWeek(isoDate: string): string {
  // Day 0, 1970-01-01, was a Thursday: 3 days after a Monday.
  const sinceMonday = (((dayNumber(isoDate) + 3) % 7) + 7) % 7;
  return addDaysIso(isoDate, -sinceMonday);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Tue 24 Nov`, with the year when it is not `today`'s year: how dates read in output. */
export function shortDay(isoDate: string, today: string): string {
  const weekday = WEEKDAYS[(((dayNumber(isoDate) + 4) % 7) + 7) % 7];
  const text = `${weekday} ${Number(isoDate.slice(8, 10))} ${MONTHS[Number(isoDate.slice(5, 7)) - 1]}`;
  return isoDate.slice(0, 4) === today.slice(0, 4) ? text : `${text} ${isoDate.slice(0, 4)}`;
}
