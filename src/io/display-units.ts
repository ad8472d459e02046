// `--units` for text the rules engine wrote: its reasons name loads as logged ("progress when every
// set reaches 12 at 55 lb"); shown in the other unit, they read in that unit too.
import type { Unit } from '../domain/types.js';
import { convert, tidy } from '../domain/units.js';

/** A load as formatLoad writes it: a number, a space, the unit (`25 kg`, `bw + 10 kg`, `22.5 lb`). */
const LOAD_IN_TEXT = /(?<![\w.])(\d+(?:\.\d+)?) (kg|lb)\b/g;

/** `text` with every load in it shown in `unit` (as `showLoad` would); unchanged without a unit. */
export function loadsInUnit(text: string, unit: Unit | undefined): string {
  if (unit === undefined) return text;
  return text.replace(LOAD_IN_TEXT, (whole, amount: string, from: Unit) => (from === unit ? whole : `${tidy(convert(Number(amount), from, unit))} ${unit}`));
}
