// Calendar arithmetic on ISO dates ('2026-11-24'), for the hot paths of the rules engine: a few
// integer operations instead of parsing into Date objects. Dates are calendar days, so UTC
// arithmetic is exact (no time zones, no daylight saving).

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const day = Number(isoDate.slice(8, 10));
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The ISO date `days` days after `isoDate` (before, when negative). */
export function addDaysIso(isoDate: string, days: number): string {
  return new Date((dayNumber(isoDate) + days) * MS_PER_DAY).toISOString().slice(0, 10);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Tue 24 Nov`, with the year when it is not `today`'s year: how dates read in output. */
export function shortDay(isoDate: string, today: string): string {
  const weekday = WEEKDAYS[(((dayNumber(isoDate) + 4) % 7) + 7) % 7];
  const text = `${weekday} ${Number(isoDate.slice(8, 10))} ${MONTHS[Number(isoDate.slice(5, 7)) - 1]}`;
  return isoDate.slice(0, 4) === today.slice(0, 4) ? text : `${text} ${isoDate.slice(0, 4)}`;
}
