// Dates the way people say them when they are close: "yesterday", "3 days ago", "in 2 weeks".
import { daysBetween } from '../domain/calendar.js';
import { formatDay } from './format.js';

/** [design] Beyond 8 weeks "10 weeks ago" reads worse than the date itself, so none is given. */
const RELATIVE_LIMIT_DAYS = 56;

/**
 * `today`, `yesterday`, `3 days ago`, `2 weeks ago`, `tomorrow`, `in 3 days`, `in 2 weeks`; null
 * when `date` is 8 weeks or more away from `today`.
 */
export function relativeDay(date: string, today: string): string | null {
  const days = daysBetween(date, today);
  const distance = Math.abs(days);
  if (distance >= RELATIVE_LIMIT_DAYS) return null;
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days === -1) return 'tomorrow';
  const amount = distance < 14 ? `${distance} days` : `${Math.floor(distance / 7)} weeks`;
  return days > 0 ? `${amount} ago` : `in ${amount}`;
}

/** `Mon 23 Nov (yesterday)`; just `Mon 23 Nov 2025` when it is long ago. */
export function formatDayRelative(date: string, today: string): string {
  const relative = relativeDay(date, today);
  return relative === null ? formatDay(date, today) : `${formatDay(date, today)} (${relative})`;
}
