import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatLoad } from '../../src/domain/units.js';
import { decimalCommaLoad, parseLoad, parseLogDate, parseLogWords, parsePain, parseRpe, parseScheme } from '../../src/domain/log-grammar.js';
import type { Load, Scheme, Unit } from '../../src/domain/types.js';
import { InternalError, RehabError } from '../../src/errors.js';

/** Runs `f` and returns the usage error it throws; fails the test if it throws anything else. */
function usageErrorOf(f: () => unknown): RehabError {
  let thrown: unknown;
  try {
    f();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(RehabError);
  const error = thrown as RehabError;
  expect(error.code).toBe('usage');
  expect(error.exitCode).toBe(2);
  expect(error.hint).toBeTruthy();
  return error;
}

const kg = (value: number): Load => ({ kind: 'external', value, unit: 'kg' });
const lb = (value: number): Load => ({ kind: 'external', value, unit: 'lb' });
const bw = (added: number, unit: Unit = 'kg'): Load => ({ kind: 'bodyweight', added, unit });

describe('parseLoad', () => {
  it.each<[string, string, Unit, Load]>([
    ['kg glued to the number', '25kg', 'kg', kg(25)],
    ['kg as a separate word', '25 kg', 'kg', kg(25)],
    ['a bare number is in the default unit (kg)', '25', 'kg', kg(25)],
    ['a bare number is in the default unit (lb)', '25', 'lb', lb(25)],
    ['decimals with a dot', '22.5kg', 'kg', kg(22.5)],
    ['up to 3 decimals', '1.125kg', 'kg', kg(1.125)],
    ['a leading dot', '.5kg', 'kg', kg(0.5)],
    ['lb', '55lb', 'kg', lb(55)],
    ['lbs is lb', '55lbs', 'kg', lb(55)],
    ['lbs as a separate word', '55 lbs', 'kg', lb(55)],
    ['an explicit unit wins over the default', '20kg', 'lb', kg(20)],
    ['case does not matter', '25KG', 'lb', kg(25)],
    ['spaces around are trimmed', '  25kg ', 'kg', kg(25)],
    ['lb is kept as typed, never converted', '55 lb', 'kg', lb(55)],
    ['bw is bodyweight in the default unit', 'bw', 'lb', bw(0, 'lb')],
    ['bodyweight spelt out', 'bodyweight', 'kg', bw(0)],
    ['BW in capitals', 'BW', 'kg', bw(0)],
    ['bw plus a weight', 'bw+10kg', 'kg', bw(10)],
    ['bw plus a weight with spaces', 'bw + 10 kg', 'kg', bw(10)],
    ['bw minus a weight is assisted', 'bw-20kg', 'kg', bw(-20)],
    ['bw with the unicode minus formatLoad prints', 'bw − 20 kg', 'kg', bw(-20)],
    ['bw plus a bare number in the default unit', 'bw+10', 'lb', bw(10, 'lb')],
    ['bw plus lbs', 'bodyweight+25lbs', 'kg', bw(25, 'lb')],
    ['bw plus zero is plain bodyweight', 'bw+0kg', 'kg', bw(0)],
    ['bw minus zero is plain bodyweight, not -0', 'bw-0', 'kg', bw(0)],
    ['the heaviest kg load allowed', '1000kg', 'kg', kg(1000)],
    ['the heaviest lb load allowed', '2200lb', 'kg', lb(2200)],
  ])('%s: %s', (_rule, text, unit, expected) => {
    expect(parseLoad(text, unit)).toStrictEqual(expected);
  });
});

describe('parseScheme', () => {
  it.each<[string, string, Scheme]>([
    ['sets x reps', '3x8', { kind: 'reps', reps: [8, 8, 8] }],
    ['the multiplication sign', '3×8', { kind: 'reps', reps: [8, 8, 8] }],
    ['capital X', '3X8', { kind: 'reps', reps: [8, 8, 8] }],
    ['spaces are ignored', ' 3 x 8 @ 7 ', { kind: 'reps', reps: [8, 8, 8], rpe: 7 }],
    ['RPE on every set', '3x8@7', { kind: 'reps', reps: [8, 8, 8], rpe: 7 }],
    ['half-point RPE', '3x8@8.5', { kind: 'reps', reps: [8, 8, 8], rpe: 8.5 }],
    ['per-set reps', '8,8,6', { kind: 'reps', reps: [8, 8, 6] }],
    ['per-set reps with RPE', '8,8,6@8', { kind: 'reps', reps: [8, 8, 6], rpe: 8 }],
    ['a single number is one set', '12', { kind: 'reps', reps: [12] }],
    ['timed holds', '3x30s', { kind: 'seconds', seconds: [30, 30, 30] }],
    ['one set with x', 'x10', { kind: 'reps', reps: [10] }],
    ['one timed set with x', 'x30s', { kind: 'seconds', seconds: [30] }],
    ['one timed set without x', '45s', { kind: 'seconds', seconds: [45] }],
    ['per-set seconds', '30s,30s,25s', { kind: 'seconds', seconds: [30, 30, 25] }],
    ['timed holds with RPE', '3x30s@6', { kind: 'seconds', seconds: [30, 30, 30], rpe: 6 }],
    ['the most sets allowed', '20x1', { kind: 'reps', reps: Array<number>(20).fill(1) }],
    ['the most reps allowed', '1x100', { kind: 'reps', reps: [100] }],
    ['the longest hold allowed', 'x3600s', { kind: 'seconds', seconds: [3600] }],
  ])('%s: %s', (_rule, text, expected) => {
    expect(parseScheme(text)).toStrictEqual(expected);
  });
});

describe('parseRpe and parsePain', () => {
  it.each<[string, string, number]>([
    ['whole RPE', '7', 7],
    ['half RPE', '8.5', 8.5],
    ['lowest RPE', '1', 1],
    ['highest RPE', '10', 10],
    ['RPE with a leading @', '@9', 9],
  ])('parseRpe, %s: %s', (_rule, text, expected) => {
    expect(parseRpe(text)).toBe(expected);
  });

  it.each<[string, string, number]>([
    ['no pain', '0', 0],
    ['some pain', '3', 3],
    ['the most pain', '10', 10],
    ['written out of 10', '4/10', 4],
    ['spaces trimmed', ' 5 ', 5],
  ])('parsePain, %s: %s', (_rule, text, expected) => {
    expect(parsePain(text)).toBe(expected);
  });
});

describe('parseLogWords', () => {
  it.each<[string, string[], ReturnType<typeof parseLogWords>]>([
    ['the one-word short form', ['squat', '25kg'], { name: 'squat', load: kg(25) }],
    ['a name alone', ['squat'], { name: 'squat' }],
    ['a multi-word name, split load, scheme', ['goblet', 'squat', '25', 'kg', '3x10'], { name: 'goblet squat', load: kg(25), scheme: { kind: 'reps', reps: [10, 10, 10] } }],
    ['bodyweight timed holds', ['side', 'plank', 'bw', '3x30s'], { name: 'side plank', load: bw(0), scheme: { kind: 'seconds', seconds: [30, 30, 30] } }],
    ['scheme before load', ['squat', '3x8', '25kg'], { name: 'squat', load: kg(25), scheme: { kind: 'reps', reps: [8, 8, 8] } }],
    ['scheme only', ['bird', 'dog', '8,8,6'], { name: 'bird dog', scheme: { kind: 'reps', reps: [8, 8, 6] } }],
    ['bw + 10 kg over four words', ['dip', 'bw', '+', '10', 'kg', 'x10'], { name: 'dip', load: bw(10), scheme: { kind: 'reps', reps: [10] } }],
    ['bw -20kg over two words', ['pull', 'up', 'bw', '-20kg', '3x5'], { name: 'pull up', load: bw(-20), scheme: { kind: 'reps', reps: [5, 5, 5] } }],
    ['55 lbs over two words', ['deadlift', '55', 'lbs'], { name: 'deadlift', load: lb(55) }],
    ['a bare number is a load in the default unit', ['squat', '25', '3x8'], { name: 'squat', load: kg(25), scheme: { kind: 'reps', reps: [8, 8, 8] } }],
    ['RPE as its own word joins the scheme', ['squat', '3x8', '@7'], { name: 'squat', scheme: { kind: 'reps', reps: [8, 8, 8], rpe: 7 } }],
    ['RPE split over two words', ['squat', '3x8', '@', '7'], { name: 'squat', scheme: { kind: 'reps', reps: [8, 8, 8], rpe: 7 } }],
    ['a quoted first word with digits is the name', ['90/90 stretch', 'x10'], { name: '90/90 stretch', scheme: { kind: 'reps', reps: [10] } }],
    ['the first word is a name even if it looks like a load', ['25kg'], { name: '25kg' }],
    ['name words are joined by single spaces', ['  goblet ', 'squat  ', '', '25kg'], { name: 'goblet squat', load: kg(25) }],
    ['a word starting with x but no digit is part of the name', ['xtreme', 'xerox', 'x5'], { name: 'xtreme xerox', scheme: { kind: 'reps', reps: [5] } }],
    ['a name word starting with bw letters stays in the name', ['squat', 'bwave', '20kg'], { name: 'squat bwave', load: kg(20) }],
    ['the multiplication sign starts a scheme', ['squat', '×8'], { name: 'squat', scheme: { kind: 'reps', reps: [8] } }],
    ['a timed hold without x', ['plank', '45s'], { name: 'plank', scheme: { kind: 'seconds', seconds: [45] } }],
  ])('%s', (_rule, words, expected) => {
    expect(parseLogWords(words, 'kg')).toStrictEqual(expected);
  });

  it('reads bare numbers in the default unit it is given', () => {
    expect(parseLogWords(['squat', '25'], 'lb')).toStrictEqual({ name: 'squat', load: lb(25) });
    expect(parseLogWords(['dip', 'bw+5'], 'lb')).toStrictEqual({ name: 'dip', load: bw(5, 'lb') });
  });
});

describe('decimalCommaLoad (12,5 is two sets by the grammar; a decimal comma is asked about)', () => {
  it.each<[string, string[], string | undefined]>([
    ['two counts, the second a decimal part, no load', ['squat', '12,5'], '12.5'],
    ['.25 and .75 too', ['squat', '10,25'], '10.25'],
    ['with a load given the counts are counts', ['squat', '25kg', '12,5'], undefined],
    ['an RPE makes it a scheme', ['squat', '12,5@8'], undefined],
    ['three counts are a scheme', ['squat', '12,5,5'], undefined],
    ['a second count that is not a decimal part', ['squat', '12,8'], undefined],
    ['no scheme at all', ['squat'], undefined],
  ])('%s', (_rule, words, expected) => {
    expect(decimalCommaLoad(words, parseLogWords(words, 'kg'))).toBe(expected);
  });
});

// Calendar arithmetic must not depend on the machine's time zone, DST jumps included
// (America/Sao_Paulo used to skip midnight itself).
describe.each(['UTC', 'Europe/Berlin', 'America/New_York', 'Pacific/Auckland', 'America/Sao_Paulo'])('parseLogDate in TZ=%s', (zone) => {
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env['TZ'];
    process.env['TZ'] = zone;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env['TZ'];
    else process.env['TZ'] = saved;
  });

  // 2026-11-24 is a Tuesday.
  const today = '2026-11-24';
  it.each<[string, string, string, string]>([
    ['today', 'today', today, '2026-11-24'],
    ['case does not matter', 'TODAY', today, '2026-11-24'],
    ['yesterday', 'yesterday', today, '2026-11-23'],
    ['days back', '-3d', today, '2026-11-21'],
    ['zero days back is today', '-0d', today, '2026-11-24'],
    ['weeks back', '-2w', today, '2026-11-10'],
    ['the weekday of today is today', 'tue', today, '2026-11-24'],
    ['the most recent Monday', 'mon', today, '2026-11-23'],
    ['a full weekday name', 'wednesday', today, '2026-11-18'],
    ['a weekday in capitals', 'Sunday', today, '2026-11-22'],
    ['a longer abbreviation', 'thurs', today, '2026-11-19'],
    ['an ISO date', '2026-11-20', today, '2026-11-20'],
    ['an ISO date equal to today', '2026-11-24', today, '2026-11-24'],
    ['a leap day', '2024-02-29', today, '2024-02-29'],
    ['1900 is the earliest year', '1900-01-01', today, '1900-01-01'],
    ['yesterday across a month', 'yesterday', '2026-12-01', '2026-11-30'],
    ['yesterday across a year', 'yesterday', '2027-01-01', '2026-12-31'],
    ['days back across a leap day', '-2d', '2024-03-01', '2024-02-28'],
    ['a weekday across a year', 'fri', '2027-01-02', '2027-01-01'],
    ['a weekday across a month', 'sat', '2026-12-04', '2026-11-28'],
    ['days back over a DST change (Europe, 25 Oct 2026)', '-7d', '2026-10-28', '2026-10-21'],
    ['days back over a DST change (US, 8 Mar 2026)', '-3d', '2026-03-09', '2026-03-06'],
    ['yesterday over the day Sao Paulo skipped midnight (4 Nov 2018)', 'yesterday', '2018-11-05', '2018-11-04'],
    ['an ISO date on the day Sao Paulo skipped midnight', '2018-11-04', '2018-11-05', '2018-11-04'],
  ])('%s: %s with today %s', (_rule, text, on, expected) => {
    expect(parseLogDate(text, on)).toBe(expected);
  });

  it('refuses a malformed today as a bug in the caller, not a usage error', () => {
    expect(() => parseLogDate('today', '24/11/2026')).toThrow(InternalError);
  });
});

describe('bad input is a usage error that quotes it and says what is right', () => {
  const today = '2026-11-24';
  it.each<[string, () => unknown, string]>([
    // loads
    ['unknown unit kgs (SPEC §2.1)', () => parseLoad('25kgs', 'kg'), 'Load "25kgs" has an unknown unit "kgs".'],
    ['unknown unit kilos', () => parseLoad('25 kilos', 'kg'), 'unknown unit "kilos"'],
    ['comma decimals', () => parseLoad('22,5kg', 'kg'), 'Load "22,5kg" uses a comma for decimals.'],
    ['zero external load', () => parseLoad('0kg', 'kg'), 'Load "0kg" is zero.'],
    ['negative external load', () => parseLoad('-5kg', 'kg'), 'Load "-5kg" is negative.'],
    ['more than 3 decimals', () => parseLoad('22.5555kg', 'kg'), 'more than 3 decimals'],
    ['absurd kg', () => parseLoad('1001kg', 'kg'), 'Load "1001kg" is more than 1000 kg.'],
    ['absurd lb', () => parseLoad('2201 lb', 'kg'), 'is more than 2200 lb'],
    ['absurd added bodyweight', () => parseLoad('bw+5000', 'kg'), 'is more than 1000 kg'],
    ['bw+ with nothing after it', () => parseLoad('bw+', 'kg'), 'Load "bw+" has nothing after the "+".'],
    ['bw*2', () => parseLoad('bw*2', 'kg'), 'Load "bw*2" is not understood.'],
    ['not a number', () => parseLoad('NaN', 'kg'), 'Load "NaN" is not understood.'],
    ['two dots', () => parseLoad('2.2.5kg', 'kg'), 'not understood'],
    ['empty load', () => parseLoad('', 'kg'), 'Load "" is not understood.'],
    // schemes
    ['0 sets', () => parseScheme('0x8'), 'Scheme "0x8" has 0 sets.'],
    ['0 reps', () => parseScheme('3x0'), 'Scheme "3x0" has a set of 0 reps.'],
    ['0 reps in a list', () => parseScheme('8,0,6'), 'a set of 0 reps'],
    ['more than 20 sets', () => parseScheme('21x8'), 'more than 20 sets'],
    ['more than 20 sets in a list', () => parseScheme(Array<string>(21).fill('5').join(',')), 'more than 20 sets'],
    ['more than 100 reps', () => parseScheme('3x101'), 'more than 100 reps'],
    ['more than an hour', () => parseScheme('x3601s'), 'a hold longer than an hour'],
    ['a hold of 0 seconds', () => parseScheme('3x0s'), 'a hold of 0 seconds'],
    ['sets without reps', () => parseScheme('3x'), 'Scheme "3x" is not understood.'],
    ['x alone', () => parseScheme('x'), 'Scheme "x" is not understood.'],
    ['RPE above 10', () => parseScheme('3x8@11'), 'RPE "11" in "3x8@11" is not between 1 and 10.'],
    ['RPE not a number', () => parseScheme('3x8@abc'), 'RPE "abc" in "3x8@abc" is not a number.'],
    ['RPE missing after @', () => parseScheme('3x8@'), 'no RPE after the "@"'],
    ['an empty set in a list', () => parseScheme('8,,6'), 'Scheme "8,,6" is not understood.'],
    ['x twice', () => parseScheme('3x8x2'), 'Scheme "3x8x2" is not understood.'],
    ['reps mixed with seconds', () => parseScheme('8,30s'), 'Scheme "8,30s" mixes reps and seconds.'],
    ['decimal reps', () => parseScheme('3x8.5'), 'not understood'],
    // rpe and pain
    ['RPE above 10 (--rpe)', () => parseRpe('11'), 'RPE "11" is not between 1 and 10.'],
    ['RPE below 1', () => parseRpe('0.5'), 'is not between 1 and 10'],
    ['RPE not in half steps', () => parseRpe('7.3'), 'RPE "7.3" is not a whole or half number.'],
    ['RPE with a comma', () => parseRpe('8,5'), 'uses a comma for decimals'],
    ['RPE a word', () => parseRpe('hard'), 'RPE "hard" is not a number.'],
    ['pain above 10', () => parsePain('11'), 'Pain "11" is not between 0 and 10.'],
    ['pain negative', () => parsePain('-1'), 'Pain "-1" is not between 0 and 10.'],
    ['pain not whole', () => parsePain('3.5'), 'Pain "3.5" is not a whole number.'],
    ['pain a word', () => parsePain('some'), 'Pain "some" is not a number.'],
    // dates
    ['tomorrow', () => parseLogDate('tomorrow', today), 'Date "tomorrow" is in the future.'],
    ['an ISO date after today', () => parseLogDate('2026-11-25', today), 'Date "2026-11-25" is in the future.'],
    ['days forward', () => parseLogDate('+2d', today), 'is in the future'],
    ['30 February', () => parseLogDate('2026-02-30', today), 'Date "2026-02-30" does not exist.'],
    ['month 13', () => parseLogDate('2026-13-01', today), 'Date "2026-13-01" does not exist.'],
    ['29 February in a common year', () => parseLogDate('2025-02-29', today), 'does not exist'],
    ['day-first date', () => parseLogDate('20/11/2026', today), 'Date "20/11/2026" is not understood.'],
    ['days without d', () => parseLogDate('-3', today), 'Date "-3" is not understood.'],
    ['a too short weekday', () => parseLogDate('mo', today), 'Date "mo" is not understood.'],
    ['before 1900', () => parseLogDate('1899-12-31', today), 'Date "1899-12-31" is before 1900.'],
    ['so many days back it is before 1900', () => parseLogDate('-99999999999999999999d', today), 'is before 1900'],
    // log words
    ['an empty name', () => parseLogWords([], 'kg'), 'The exercise name is empty.'],
    ['a blank name', () => parseLogWords(['  ', '25kg'], 'kg'), 'The exercise name is empty.'],
    ['two loads', () => parseLogWords(['squat', '25kg', '30kg'], 'kg'), 'Two loads were given, "25kg" and "30kg".'],
    ['two schemes', () => parseLogWords(['squat', '3x8', '3x10'], 'kg'), 'Two schemes were given, "3x8" and "3x10".'],
    ['a word left over', () => parseLogWords(['squat', '25kg', 'heavy'], 'kg'), 'Word "heavy" after the load or scheme is not understood.'],
    ['a bad load among the words gets the load message', () => parseLogWords(['squat', '25kgs', '3x8'], 'kg'), 'Load "25kgs" has an unknown unit "kgs".'],
    ['a bad unit word after a number', () => parseLogWords(['squat', '25', 'kilos'], 'kg'), 'Load "25 kilos" has an unknown unit "kilos".'],
    ['a bad scheme among the words gets the scheme message', () => parseLogWords(['squat', '25kg', '3x8@11'], 'kg'), 'is not between 1 and 10'],
    ['comma decimals among the words', () => parseLogWords(['squat', '22,5kg'], 'kg'), 'uses a comma for decimals'],
    ['mixed scheme among the words', () => parseLogWords(['plank', '8,30s'], 'kg'), 'mixes reps and seconds'],
  ])('%s', (_rule, f, message) => {
    expect(usageErrorOf(f).message).toContain(message);
  });
});

describe('properties', () => {
  const unit = fc.constantFrom<Unit>('kg', 'lb');
  // Hundredths from 0.01 up to the limit of the unit.
  const amount = (u: Unit) => fc.integer({ min: 1, max: u === 'kg' ? 100_000 : 220_000 }).map((n) => n / 100);

  it('a positive load with up to 2 decimals comes back exactly, in its unit', () => {
    fc.assert(
      fc.property(
        unit.chain((u) => fc.tuple(fc.constant(u), amount(u))),
        fc.constantFrom('', ' '),
        unit,
        ([u, v], space, defaultUnit) => {
          expect(parseLoad(`${v}${space}${u}`, defaultUnit)).toStrictEqual({ kind: 'external', value: v, unit: u });
        },
      ),
    );
  });

  it('what formatLoad prints parses back to the same load', () => {
    const load = unit.chain((u) =>
      fc.oneof(
        amount(u).map((value): Load => ({ kind: 'external', value, unit: u })),
        fc.integer({ min: -100_000, max: 100_000 }).map((n): Load => ({ kind: 'bodyweight', added: n / 100, unit: u })),
      ),
    );
    fc.assert(
      fc.property(load, (l) => {
        const expected = l.kind === 'bodyweight' && l.added === 0 ? { ...l, added: 0 } : l;
        expect(parseLoad(formatLoad(l), l.unit)).toStrictEqual(expected);
      }),
    );
  });

  it('sets x reps gives that many sets of those reps', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 100 }), (sets, reps) => {
        expect(parseScheme(`${sets}x${reps}`)).toStrictEqual({ kind: 'reps', reps: Array<number>(sets).fill(reps) });
      }),
    );
  });

  it('-Nd is N calendar days before today and never in the future', () => {
    const isoDay = fc
      .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2090, 11, 31)), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(isoDay, fc.integer({ min: 0, max: 3000 }), (today, n) => {
        const result = parseLogDate(`-${n}d`, today);
        const days = (Date.parse(today) - Date.parse(result)) / 86_400_000;
        expect(days).toBe(n);
      }),
    );
  });

  it('any string either parses or throws a usage error, never anything else', () => {
    // Strings built from the grammar's own characters reach deeper than random text alone.
    const piece = fc.constantFrom('bw', 'kg', 'lb', 's', 'x', '×', '@', ',', '.', '+', '-', '−', ' ', '/', 'mon', 'today', '0', '1', '3', '8', '25');
    const text = fc.oneof(fc.string(), fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')));
    const parsers: ((t: string) => unknown)[] = [
      (t) => parseLoad(t, 'kg'),
      (t) => parseScheme(t),
      (t) => parseRpe(t),
      (t) => parsePain(t),
      (t) => parseLogDate(t, '2026-11-24'),
      (t) => parseLogWords(['squat', ...t.split(' ')], 'kg'),
      (t) => parseLogWords(t.split(' '), 'kg'),
    ];
    fc.assert(
      fc.property(text, (t) => {
        for (const parse of parsers) {
          try {
            parse(t);
          } catch (error) {
            expect(error).toBeInstanceOf(RehabError);
            expect((error as RehabError).code).toBe('usage');
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
