// The words of `rehab log` (SPEC §2.1), parsed once at the edge into typed values. Pure: no I/O
// and no clock — `today` arrives as an ISO date string from the caller.
import { addDays } from 'date-fns/addDays';
import { formatISO } from 'date-fns/formatISO';
import { getDay } from 'date-fns/getDay';
import { isExists } from 'date-fns/isExists';
import { InternalError, usageError } from '../errors.js';
import type { Load, Scheme, Unit } from './types.js';

const LOAD_HINT = 'Write a load like 25kg, 25 kg, 55lb, bw or bw+10kg.';
const SCHEME_HINT = 'Write a scheme like 3x8, 3x8@7, 8,8,6, 3x30s or x10.';
const DATE_HINT = 'Write today, yesterday, -3d, a weekday such as mon, or a date as YYYY-MM-DD.';
const RPE_HINT = 'RPE goes from 1 to 10 in steps of 0.5, as in 7 or 8.5.';
const PAIN_HINT = 'Pain is a whole number from 0 (none) to 10 (worst imaginable).';

/** Heavier than any rehab load, so a larger number is a typo (an extra digit), not a lift. */
const MAX_LOAD: Record<Unit, number> = { kg: 1000, lb: 2200 };
const MAX_SETS = 20;
const MAX_REPS = 100;
const MAX_SECONDS = 3600;

/** The unicode minus is accepted because `formatLoad` prints `bw − 20 kg`; pasting it back must work. */
const SIGN = '[+\\-\u2212]';

// ---------------------------------------------------------------------------------------------
// Loads

/**
 * Parses a load as typed: `25kg`, `25 kg`, `22.5kg`, `55lb`, `55lbs`, a bare `25` (in
 * `defaultUnit`), `bw` / `bodyweight`, `bw+10kg`, `bw - 20 kg`. Case and spaces do not matter.
 * The value is kept exactly as typed (55 lb stays 55 lb). Throws a usage error otherwise.
 */
export function parseLoad(text: string, defaultUnit: Unit): Load {
  const raw = text.trim();
  const t = raw.toLowerCase();

  const bw = new RegExp(`^(?:bw|bodyweight)(?:\\s*(${SIGN})\\s*(.*))?$`).exec(t);
  if (bw) {
    const [, sign, rest] = bw;
    if (sign === undefined || rest === undefined) return { kind: 'bodyweight', added: 0, unit: defaultUnit };
    if (rest === '') {
      throw usageError(`Load "${raw}" has nothing after the "${sign}".`, 'Write the added weight too, as in bw+10kg or bw-20kg.');
    }
    const { value, unit } = parseAmount(rest, raw, defaultUnit);
    // `bw-0` is plain bodyweight, not -0.
    const added = value === 0 ? 0 : sign === '+' ? value : -value;
    return { kind: 'bodyweight', added, unit };
  }

  if (new RegExp(`^[-\u2212]\\s*[\\d.]`).test(t)) {
    throw usageError(`Load "${raw}" is negative.`, 'For an assisted exercise write bw-20kg; for no added weight write bw.');
  }
  const { value, unit } = parseAmount(t, raw, defaultUnit);
  if (value === 0) throw usageError(`Load "${raw}" is zero.`, 'Use bw for no added weight.');
  return { kind: 'external', value, unit };
}

/** A number with an optional unit (`25`, `22.5 kg`, `55lbs`); `raw` is what the messages quote. */
function parseAmount(text: string, raw: string, defaultUnit: Unit): { value: number; unit: Unit } {
  const m = /^([\d.,]+)\s*([a-z]*)$/.exec(text);
  if (!m) throw usageError(`Load "${raw}" is not understood.`, LOAD_HINT);
  const number = m[1] ?? '';
  const unitText = m[2] ?? '';
  if (number.includes(',')) {
    throw usageError(`Load "${raw}" uses a comma for decimals.`, `Write decimals with a dot, as in ${raw.replace(',', '.')}.`);
  }
  if (!/^(?:\d+(?:\.\d+)?|\.\d+)$/.test(number)) throw usageError(`Load "${raw}" is not understood.`, LOAD_HINT);
  if ((number.split('.')[1]?.length ?? 0) > 3) {
    throw usageError(`Load "${raw}" has more than 3 decimals.`, 'Round it, as in 22.5kg.');
  }
  const unit = unitText === '' ? defaultUnit : unitText === 'kg' ? 'kg' : unitText === 'lb' || unitText === 'lbs' ? 'lb' : undefined;
  if (unit === undefined) {
    // `kgs`, `kilos` and the like are refused rather than guessed (SPEC §2.1 lists the forms).
    throw usageError(`Load "${raw}" has an unknown unit "${unitText}".`, 'Use kg, lb or lbs, as in 25kg, 25 kg or 55lb.');
  }
  const value = Number(number);
  if (value > MAX_LOAD[unit]) {
    throw usageError(`Load "${raw}" is more than ${MAX_LOAD[unit]} ${unit}.`, 'Check the number: loads go up to 1000 kg (2200 lb).');
  }
  return { value, unit };
}

// ---------------------------------------------------------------------------------------------
// Schemes

/**
 * Parses a scheme: `3x8` (also `3×8`, `3X8`) → reps [8, 8, 8]; `x10` → [10]; `8,8,6` per-set
 * reps; `3x30s`, `x30s`, `45s` timed holds in seconds; `@7` after any of them is the RPE of every
 * set. Spaces are ignored. `x` always means sets × reps.
 */
export function parseScheme(text: string): Scheme {
  const raw = text.trim();
  const t = raw.toLowerCase().replace(/\s+/g, '').replace(/×/g, 'x');
  const notUnderstood = () => usageError(`Scheme "${raw}" is not understood.`, SCHEME_HINT);

  const parts = t.split('@');
  if (parts.length > 2) throw notUnderstood();
  const body = parts[0] ?? '';
  const rpeText = parts[1];
  let rpe: number | undefined;
  if (rpeText !== undefined) {
    if (rpeText === '') throw usageError(`Scheme "${raw}" has no RPE after the "@".`, 'Write the RPE after it, as in 3x8@7.');
    rpe = readRpe(rpeText, `RPE "${rpeText}" in "${raw}"`);
  }

  let values: number[];
  let timed: boolean;
  const setsTimesReps = /^(\d*)x(\d+)(s?)$/.exec(body);
  if (setsTimesReps) {
    const sets = setsTimesReps[1] === '' ? 1 : Number(setsTimesReps[1]);
    checkSetCount(sets, raw);
    values = Array.from({ length: sets }, () => Number(setsTimesReps[2]));
    timed = setsTimesReps[3] === 's';
  } else if (/^\d+s?(?:,\d+s?)*$/.test(body)) {
    const items = body.split(',');
    const seconds = items.filter((item) => item.endsWith('s')).length;
    if (seconds !== 0 && seconds !== items.length) {
      throw usageError(`Scheme "${raw}" mixes reps and seconds.`, 'Write all sets in reps (8,8,6) or all in seconds (30s,30s,25s).');
    }
    checkSetCount(items.length, raw);
    values = items.map((item) => Number.parseInt(item, 10));
    timed = seconds > 0;
  } else {
    throw notUnderstood();
  }

  for (const value of values) {
    if (timed) {
      if (value < 1) throw usageError(`Scheme "${raw}" has a hold of 0 seconds.`, `Each hold lasts 1 to ${MAX_SECONDS} seconds.`);
      if (value > MAX_SECONDS) throw usageError(`Scheme "${raw}" has a hold longer than an hour.`, `Each hold lasts 1 to ${MAX_SECONDS} seconds.`);
    } else {
      if (value < 1) throw usageError(`Scheme "${raw}" has a set of 0 reps.`, `Each set has 1 to ${MAX_REPS} reps.`);
      if (value > MAX_REPS) throw usageError(`Scheme "${raw}" has a set of more than ${MAX_REPS} reps.`, `Each set has 1 to ${MAX_REPS} reps.`);
    }
  }
  const scheme: Scheme = timed ? { kind: 'seconds', seconds: values } : { kind: 'reps', reps: values };
  if (rpe !== undefined) scheme.rpe = rpe;
  return scheme;
}

function checkSetCount(sets: number, raw: string): void {
  if (sets < 1) throw usageError(`Scheme "${raw}" has 0 sets.`, `Log 1 to ${MAX_SETS} sets, as in 3x8.`);
  if (sets > MAX_SETS) throw usageError(`Scheme "${raw}" has more than ${MAX_SETS} sets.`, `Log 1 to ${MAX_SETS} sets, as in 3x8.`);
}

// ---------------------------------------------------------------------------------------------
// RPE and pain

/** Parses `--rpe`: 1 to 10 in steps of 0.5 (`7`, `8.5`; a leading `@` is allowed). */
export function parseRpe(text: string): number {
  const raw = text.trim();
  return readRpe(raw.replace(/^@\s*/, ''), `RPE "${raw}"`);
}

/** `quoted` names the input in messages: `RPE "11"` or `RPE "11" in "3x8@11"`. */
function readRpe(text: string, quoted: string): number {
  if (/^\d+,\d+$/.test(text)) throw usageError(`${quoted} uses a comma for decimals.`, `Write decimals with a dot, as in ${text.replace(',', '.')}.`);
  if (!/^\d+(?:\.\d+)?$/.test(text)) throw usageError(`${quoted} is not a number.`, RPE_HINT);
  const value = Number(text);
  if (value < 1 || value > 10) throw usageError(`${quoted} is not between 1 and 10.`, RPE_HINT);
  if (!Number.isInteger(value * 2)) throw usageError(`${quoted} is not a whole or half number.`, RPE_HINT);
  return value;
}

/** Parses `--pain` and `rehab pain`: a whole number 0–10 (`3`, or `3/10` as people write it). */
export function parsePain(text: string): number {
  const raw = text.trim();
  const number = raw.replace(/\s*\/\s*10$/, '');
  if (!/^-?\d+(?:\.\d+)?$/.test(number)) throw usageError(`Pain "${raw}" is not a number.`, PAIN_HINT);
  const value = Number(number);
  if (!Number.isInteger(value)) throw usageError(`Pain "${raw}" is not a whole number.`, PAIN_HINT);
  if (value < 0 || value > 10) throw usageError(`Pain "${raw}" is not between 0 and 10.`, PAIN_HINT);
  return value;
}

// ---------------------------------------------------------------------------------------------
// The words of `rehab log`

/** What the positional words of `rehab log` say; load and scheme are absent when not given. */
export interface LogWords {
  name: string;
  load?: Load;
  scheme?: Scheme;
}

/** A separate unit word after a number (`25 kg`); the wrong ones too, so parseLoad can explain. */
const UNIT_WORD = /^(?:kgs?|kilos?|kilograms?|lbs?|pounds?)$/i;

/** Words that end the exercise name: the start of a load or a scheme. */
function startsLoadOrScheme(word: string): boolean {
  return (
    /^[\d.]/.test(word) ||
    /^[x×]\d/i.test(word) ||
    word.startsWith('×') ||
    /^(?:bw|bodyweight)(?![a-z])/i.test(word) ||
    new RegExp(`^${SIGN}\\s*[\\d.]`).test(word)
  );
}

function looksLikeScheme(word: string): boolean {
  const t = word.toLowerCase().replace(/\s+/g, '');
  return (
    /^\d*[x×](?:\d|@|$)/.test(t) || // 3x8, x10, 3x, 3x8@7
    /^\d+s(?:,|@|$)/.test(t) || // 45s, 30s,30s
    /^\d[\d,s]*,[\d,s]*(?:@.*)?$/.test(t) || // 8,8,6 and its mistakes (8,,6, 8,30s); not 22,5kg
    /^\d+@/.test(t) // 8@7
  );
}

/** Index after the words that make up the load starting at `start` (`25 kg`, `bw + 10 kg`). */
function loadEnd(words: string[], start: number): number {
  let text = words[start] ?? '';
  let end = start + 1;
  for (let next = words[end]; next !== undefined; next = words[end]) {
    const t = text.toLowerCase();
    const continues =
      (/^(?:bw|bodyweight)$/.test(t) && new RegExp(`^${SIGN}`).test(next)) ||
      (new RegExp(`^(?:bw|bodyweight)\\s*${SIGN}$`).test(t) && /^[\d.]/.test(next)) ||
      (/\d$/.test(t) && UNIT_WORD.test(next));
    if (!continues) break;
    text += ` ${next}`;
    end += 1;
  }
  return end;
}

/**
 * Splits the positional words of `rehab log <words…>` into the exercise name, a load and a
 * scheme, in either order: `goblet squat 25 kg 3x10`, `side plank bw 3x30s`, `squat 3x8 25kg`.
 * The first word always belongs to the name (so `"90/90 stretch"` quoted works); the name ends
 * at the first later word that starts like a load or a scheme. Throws a usage error for an empty
 * name, two loads, two schemes, or a word left over.
 */
export function parseLogWords(words: string[], defaultUnit: Unit): LogWords {
  const first = words[0]?.trim() ?? '';
  if (first === '') throw usageError('The exercise name is empty.', 'Write the exercise first, as in rehab log squat 25kg 3x8.');
  const rest = words.slice(1).map((word) => word.trim()).filter((word) => word !== '');

  const nameWords = [first];
  let i = 0;
  while (i < rest.length && !startsLoadOrScheme(rest[i] ?? '')) nameWords.push(rest[i++] ?? '');
  const result: LogWords = { name: nameWords.join(' ').replace(/\s+/g, ' ') };

  let loadText = '';
  let schemeText = '';
  while (i < rest.length) {
    const word = rest[i] ?? '';
    if (looksLikeScheme(word)) {
      // `3x8 @7` and `3x8 @ 7`: an RPE typed as its own word still belongs to the scheme.
      let text = word;
      let end = i + 1;
      for (let next = rest[end]; next !== undefined; next = rest[end]) {
        if (!(text.endsWith('@') || (!text.includes('@') && next.startsWith('@')))) break;
        text += next;
        end += 1;
      }
      if (result.scheme) throw usageError(`Two schemes were given, "${schemeText}" and "${text}".`, 'Log one scheme per exercise, as in 3x8 or 8,8,6.');
      result.scheme = parseScheme(text);
      schemeText = text;
      i = end;
    } else if (startsLoadOrScheme(word)) {
      const end = loadEnd(rest, i);
      const text = rest.slice(i, end).join(' ');
      if (result.load) throw usageError(`Two loads were given, "${loadText}" and "${text}".`, 'Log one load per command; quote an exercise name that contains numbers.');
      result.load = parseLoad(text, defaultUnit);
      loadText = text;
      i = end;
    } else {
      const hint = word.startsWith('@')
        ? 'Write the RPE right after the scheme, as in 3x8@7, or use --rpe 7.'
        : 'After the name write a load and a scheme, as in goblet squat 25kg 3x10; quote a name that contains numbers.';
      throw usageError(`Word "${word}" after the load or scheme is not understood.`, hint);
    }
  }
  return result;
}

/**
 * The load `words` may have meant with a decimal comma, when nothing else settles it: `rehab log
 * squat 12,5` is two sets of 12 and 5 reps at the prescribed load (SPEC §2.1), but someone used to
 * decimal commas may have meant 12.5. Only for a scheme of two counts, no load and no RPE, the
 * second count being what follows a decimal comma in a load (5, 25, 75): `12,5` → `12.5`.
 */
export function decimalCommaLoad(words: readonly string[], parsed: LogWords): string | undefined {
  if (parsed.load !== undefined || parsed.scheme?.kind !== 'reps' || parsed.scheme.reps.length !== 2 || parsed.scheme.rpe !== undefined) return undefined;
  const written = words.slice(1).map((word) => /^(\d+),(5|25|75)$/.exec(word.trim())).find((match) => match !== null);
  return written ? `${written[1]}.${written[2]}` : undefined;
}

// ---------------------------------------------------------------------------------------------
// Dates

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const EARLIEST = '1900-01-01';
/** Further back than any log could reach; also keeps date arithmetic far from its limits. */
const MAX_DAYS_BACK = 100_000;

/**
 * A calendar date as a local Date at noon: every calculation below stays on calendar days, and
 * noon keeps a daylight-saving jump from moving the day.
 */
function calendarDate(iso: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  if (year < 100 || !isExists(year, month, day)) return undefined;
  return new Date(year, month, day, 12);
}

function isoDate(date: Date): string {
  return formatISO(date, { representation: 'date' });
}

/**
 * Parses the date of a log entry and returns it as 'YYYY-MM-DD': `today`, `yesterday`, `-3d`,
 * `-2w`, a weekday (`monday`, `mon`, `tues`: the most recent one, today included) or
 * `2026-11-20`. Dates after `today` and before 1900 are refused: rehab logs what was done.
 */
export function parseLogDate(text: string, today: string): string {
  const base = calendarDate(today);
  if (!base) throw new InternalError(`parseLogDate was given "${today}" as today, not a YYYY-MM-DD date.`);
  const raw = text.trim();
  const t = raw.toLowerCase();
  const future = () => usageError(`Date "${raw}" is in the future.`, 'rehab logs what you did, so use today or an earlier date.');
  const before1900 = () => usageError(`Date "${raw}" is before 1900.`, 'Check the year, as in 2026-11-20.');

  let result: string;
  const relative = /^([+-])(\d+)([dw])$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (t === 'today') {
    result = today;
  } else if (t === 'yesterday') {
    result = isoDate(addDays(base, -1));
  } else if (t === 'tomorrow') {
    throw future();
  } else if (relative) {
    const days = Number(relative[2]) * (relative[3] === 'w' ? 7 : 1);
    if (relative[1] === '+' && days > 0) throw future();
    if (days > MAX_DAYS_BACK) throw before1900();
    result = isoDate(addDays(base, -days));
  } else if (t.length >= 3 && /^[a-z]+$/.test(t) && WEEKDAYS.some((day) => day.startsWith(t))) {
    // Any prefix of 3+ letters (mon, tues, thurs) names exactly one weekday.
    const weekday = WEEKDAYS.findIndex((day) => day.startsWith(t));
    result = isoDate(addDays(base, -((getDay(base) - weekday + 7) % 7)));
  } else if (iso) {
    if (Number(iso[1]) < 1900) throw before1900();
    if (!calendarDate(t)) throw usageError(`Date "${raw}" does not exist.`, 'Check the month and day: dates are YYYY-MM-DD, as in 2026-11-20.');
    result = t;
  } else {
    throw usageError(`Date "${raw}" is not understood.`, DATE_HINT);
  }

  // ISO dates compare as strings.
  if (result > today) throw future();
  if (result < EARLIEST) throw before1900();
  return result;
}
