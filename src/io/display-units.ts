// `--units` for text stored with loads in it: the summary a `rehab log` batch keeps for `rehab undo`
// ("Goblet squat 55 lb 3×10 on 2026-11-24"), written once, as logged. Text made at run time (the
// rules' reasons, the milestones' messages) is written in the display unit where it is made.
import type { Unit } from '../domain/types.js';
import { convert, tidy } from '../domain/units.js';

/** A load as formatLoad writes it: a number, a space, the unit (`25 kg`, `bw + 10 kg`, `22.5 lb`). */
const LOAD_IN_TEXT = /(?<![\w.])(\d+(?:\.\d+)?) (kg|lb)\b/g;

/** `text` with every load in it shown in `unit` (as `showLoad` would); unchanged without a unit. */
export function loadsInUnit(text: string, unit: Unit | undefined): string {
  if (unit === undefined) return text;
  return text.replace(LOAD_IN_TEXT, (whole, amount: string, from: Unit) => (from === unit ? whole : `${tidy(convert(Number(amount), from, unit))} ${unit}`));
}
