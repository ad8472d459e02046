import { describe, expect, it } from 'vitest';
import { loadsInUnit } from '../../src/io/display-units.js';
import { formatDayRelative, relativeDay } from '../../src/io/relative-day.js';
import { createStyle, wantsColour } from '../../src/io/style.js';
import { fitWidth, visibleWidth, wrapText } from '../../src/io/terminal-text.js';

describe('visibleWidth', () => {
  it.each<[string, string, number]>([
    ['plain text', 'Goblet squat', 12],
    ['colour codes take no columns', createStyle(true).action('progress', 'progress'), 8],
    ['× and → take one column each', '3×10 → 12', 9],
  ])('%s', (_rule, text, width) => {
    expect(visibleWidth(text)).toBe(width);
  });
});

describe('wrapText', () => {
  it('in a pipe (no width) the line stays whole, however long: data is never cut', () => {
    const long = 'word '.repeat(100).trim();
    expect(wrapText(long, undefined, '  ')).toEqual([`  ${long}`]);
  });

  it('on a terminal it wraps at the width, under the first line, keeping the double spaces between columns', () => {
    expect(wrapText('25 kg 3×10  pain 2/10  “felt fine”  ids 4–6', 28, '  Squat  ', '         ')).toEqual([
      '  Squat  25 kg 3×10  pain',
      '         2/10  “felt fine”',
      '         ids 4–6',
    ]);
  });

  it('a unit stays with its number (16 kg is never split across lines)', () => {
    const lines = wrapText('from 16 kg to 20 kg', 11, '');
    expect(lines).toEqual(['from 16 kg', 'to 20 kg']);
  });

  it('a word longer than the line stays whole', () => {
    expect(wrapText('see 7f3b2c1e-0000-4000-8000-000000000000 here', 20, '')).toEqual(['see', '7f3b2c1e-0000-4000-8000-000000000000', 'here']);
  });

  it('coloured words are measured without their colour codes', () => {
    const dim = createStyle(true).dim;
    const lines = wrapText(`aaaa ${dim('bbbb')} cccc`, 9, '');
    expect(lines.map((line) => visibleWidth(line))).toEqual([9, 4]);
  });
});

describe('fitWidth', () => {
  it.each<[string, number | undefined, number | undefined]>([
    ['a pipe: no width, nothing is fitted', undefined, undefined],
    ['a terminal: one column less, so a full line never wraps by itself', 80, 79],
    ['an implausibly narrow terminal is not fitted', 10, undefined],
  ])('%s', (_rule, columns, width) => {
    expect(fitWidth({ terminalColumns: columns })).toBe(width);
  });
});

describe('relativeDay', () => {
  const today = '2026-11-24';
  it.each<[string, string, string | null]>([
    ['the same day', '2026-11-24', 'today'],
    ['the day before', '2026-11-23', 'yesterday'],
    ['the day after', '2026-11-25', 'tomorrow'],
    ['days ago', '2026-11-21', '3 days ago'],
    ['13 days ago is still days', '2026-11-11', '13 days ago'],
    ['two weeks and more: weeks, rounded down', '2026-11-04', '2 weeks ago'],
    ['ahead', '2026-11-28', 'in 4 days'],
    ['weeks ahead', '2026-12-22', 'in 4 weeks'],
    ['8 weeks or more: the date says it better', '2026-09-29', null],
    ['across a year', '2025-12-31', null],
  ])('%s', (_rule, date, words) => {
    expect(relativeDay(date, today)).toBe(words);
  });

  it('formatDayRelative: the date, then how long ago; only the date when long ago', () => {
    expect(formatDayRelative('2026-11-23', '2026-11-24')).toBe('Mon 23 Nov (yesterday)');
    expect(formatDayRelative('2026-03-02', '2026-11-24')).toBe('Mon 2 Mar');
  });
});

describe('loadsInUnit (--units on the reasons the rules engine wrote)', () => {
  it.each<[string, string, 'kg' | 'lb' | undefined, string]>([
    ['without --units the text is as written', 'reaches 12 at 55 lb or more.', undefined, 'reaches 12 at 55 lb or more.'],
    ['lb shown in kg as showLoad would: 55 lb → 24.948 kg', 'reaches 12 at 55 lb or more.', 'kg', 'reaches 12 at 24.948 kg or more.'],
    ['kg shown in lb, each load of the text', 'Hold 20 kg; bw + 10 kg next.', 'lb', 'Hold 44.092 lb; bw + 22.046 lb next.'],
    ['already in that unit: unchanged', 'Hold 20 kg.', 'kg', 'Hold 20 kg.'],
    ['numbers that are not loads are left alone', 'RPE 9.5, 12 reps, −10 %, 56 days', 'lb', 'RPE 9.5, 12 reps, −10 %, 56 days'],
  ])('%s', (_rule, text, unit, expected) => {
    expect(loadsInUnit(text, unit)).toBe(expected);
  });
});

describe('wantsColour (NO_COLOR, FORCE_COLOR, --no-color, a terminal)', () => {
  it.each<[string, boolean, NodeJS.ProcessEnv, boolean, boolean]>([
    ['a terminal: colour', true, {}, true, true],
    ['a pipe: none', true, {}, false, false],
    ['--no-color on a terminal: none', false, {}, true, false],
    ['NO_COLOR set (any value) on a terminal: none (no-color.org)', true, { NO_COLOR: '1' }, true, false],
    ['NO_COLOR empty is not set (no-color.org)', true, { NO_COLOR: '' }, true, true],
    ['FORCE_COLOR=1 in a pipe: colour', true, { FORCE_COLOR: '1' }, false, true],
    ['FORCE_COLOR=0 on a terminal: none', true, { FORCE_COLOR: '0' }, true, false],
    ['NO_COLOR wins over FORCE_COLOR', true, { NO_COLOR: '1', FORCE_COLOR: '1' }, false, false],
    ['--no-color wins over FORCE_COLOR', false, { FORCE_COLOR: '1' }, false, false],
  ])('%s', (_rule, color, env, isTTY, expected) => {
    expect(wantsColour({ color }, env, isTTY)).toBe(expected);
  });
});
