// Small text formats shared by the renderers: schemes, dates, loads in the display unit.
import { shortDay } from '../domain/calendar.js';
import { formatLoadIn } from '../domain/units.js';
import type { Load, Measure, Unit } from '../domain/types.js';

/** A load as shown, converted to `--units` when asked (display only). */
export function showLoad(load: Load, displayUnits: Unit | undefined): string {
  return formatLoadIn(load, displayUnits);
}

/** `3×10`, `10, 10, 8`, `3×30 s`, with `@8` when every set shares an RPE. */
export function formatCounts(counts: number[], measure: Measure, rpe?: number | null): string {
  const unit = measure === 'seconds' ? ' s' : '';
  const first = counts[0];
  const allSame = counts.every((count) => count === first);
  const body = allSame ? `${counts.length}×${first}${unit}` : counts.map((count) => `${count}${unit}`).join(', ');
  return rpe != null ? `${body} @${rpe}` : body;
}

/** `Tue 24 Nov`, with the year when it is not this year's. */
export function formatDay(isoDate: string, today: string): string {
  return shortDay(isoDate, today);
}

/** Today's local calendar date as 'YYYY-MM-DD'. */
export function isoDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `id 812`, `ids 812–814`, `ids 3, 7–9`: consecutive ids read as a range. */
export function formatIds(ids: number[]): string {
  const runs: Array<[number, number]> = [];
  for (const id of ids) {
    const last = runs.at(-1);
    if (last && id === last[1] + 1) last[1] = id;
    else runs.push([id, id]);
  }
  const text = runs.map(([from, to]) => (from === to ? `${from}` : `${from}–${to}`)).join(', ');
  return `${ids.length === 1 ? 'id' : 'ids'} ${text}`;
}
