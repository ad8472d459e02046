import { describe, expect, it } from 'vitest';
import { CellError, readCount, readDateTime, readDecimal, readDuration, readRpe, type DateTime } from '../../../src/io/importers/fields.js';

const NNBSP = '\u202F';

describe('readDateTime (research/import-formats.md)', () => {
  it.each<[string, string, DateTime]>([
    ['Strong, 24-hour', '2019-01-11 12:31:54', { date: '2019-01-11', time: '12:31:54' }],
    ['Strong, 12-hour with U+202F before pm', `2025-01-30 12:34:56${NNBSP}pm`, { date: '2025-01-30', time: '12:34:56' }],
    ['Strong, 12-hour pm after noon', `2025-01-30 6:05:00${NNBSP}pm`, { date: '2025-01-30', time: '18:05:00' }],
    ['12 am is midnight', `2025-01-31 12:05:00${NNBSP}am`, { date: '2025-01-31', time: '00:05:00' }],
    ['am/pm after a plain space, in capitals', '2025-01-30 7:15:00 AM', { date: '2025-01-30', time: '07:15:00' }],
    ['am/pm after a no-break space', '2025-01-30 7:15:00\u00A0pm', { date: '2025-01-30', time: '19:15:00' }],
    ['minutes without seconds', '2019-01-11 12:31', { date: '2019-01-11', time: '12:31:00' }],
    ['ISO with a T', '2019-01-11T12:31:54', { date: '2019-01-11', time: '12:31:54' }],
    ['Hevy', '13 Mar 2026, 15:22', { date: '2026-03-13', time: '15:22:00' }],
    ['Hevy, a one-digit day', '2 Feb 2026, 08:40', { date: '2026-02-02', time: '08:40:00' }],
    ['Hevy, a full month name', '13 March 2026, 15:22', { date: '2026-03-13', time: '15:22:00' }],
    ['Hevy, 12-hour', '13 Mar 2026, 3:22 pm', { date: '2026-03-13', time: '15:22:00' }],
    ['FitNotes, a date alone', '2023-04-01', { date: '2023-04-01', time: null }],
    ['29 February of a leap year', '2024-02-29', { date: '2024-02-29', time: null }],
    ['spaces around are trimmed', ' 2023-04-01 ', { date: '2023-04-01', time: null }],
  ])('%s: %s', (_rule, text, expected) => {
    expect(readDateTime(text, 'Date')).toStrictEqual(expected);
  });

  it.each<[string, string, RegExp]>([
    ['30 February', '2024-02-30 10:00:00', /"2024-02-30 10:00:00" is not a real date/],
    ['29 February of a common year', '2023-02-29', /not a real date/],
    ['2000 is a leap year but 1900 is not', '1900-02-29', /not a real date/],
    ['month 13', '2024-13-01', /not a real date/],
    ['day 0', '2024-01-00', /not a real date/],
    ['before 1900', '1899-12-31', /^Date "1899-12-31" is before 1900, the earliest date rehab keeps$/],
    ['before 1900, and not a real day either', '1899-02-29', /"1899-02-29" is not a real date$/],
    ['25 o\'clock', '2024-01-01 25:00:00', /not a real time/],
    ['minute 60', '2024-01-01 10:60:00', /not a real time/],
    ['13 pm', `2024-01-01 13:00:00${NNBSP}pm`, /not a real time/],
    ['0 am', '2024-01-01 0:30:00 am', /not a real time/],
    ['an unknown month name', '13 Mrz 2026, 15:22', /unknown month/],
    ['day-first with slashes is ambiguous, so refused', '13/03/2026', /not a date rehab can read/],
    ['empty', '', /Date is empty/],
  ])('refuses %s: %s', (_rule, text, message) => {
    expect(() => readDateTime(text, 'Date')).toThrow(CellError);
    expect(() => readDateTime(text, 'Date')).toThrow(message);
  });
});

describe('numbers', () => {
  it.each<[string, string, boolean, number | null]>([
    ['a whole number', '60', false, 60],
    ['decimals with a dot', '62.5', false, 62.5],
    ['an empty cell is null', '', false, null],
    ['spaces only is empty', '  ', false, null],
    ['a decimal comma where the file is separated by semicolons', '62,5', true, 62.5],
    ['negative zero is zero', '-0', false, 0],
    ['a trailing dot', '60.', false, 60],
  ])('readDecimal: %s: %s', (_rule, text, decimalComma, expected) => {
    expect(readDecimal(text, 'Weight', { decimalComma })).toBe(expected);
  });

  it.each<[string, string, boolean]>([
    ['a decimal comma in a comma-separated file', '62,5', false],
    ['a thousands separator', '1,000.5', true],
    ['an exponent', '1e3', false],
    ['words', 'sixty', false],
    ['a unit glued on', '60kg', false],
  ])('readDecimal refuses %s: %s', (_rule, text, decimalComma) => {
    expect(() => readDecimal(text, 'Weight', { decimalComma })).toThrow(/Weight ".*" is not a number/);
  });

  it('readCount refuses negative reps (issue 4: "negative reps")', () => {
    expect(() => readCount('-5', 'Reps')).toThrow('Reps "-5" is negative');
  });

  it('readCount refuses a fraction of a rep, and takes 8.0 as 8', () => {
    expect(() => readCount('8.5', 'Reps')).toThrow('is not a whole number');
    expect(readCount('8.0', 'Reps')).toBe(8);
  });

  it.each<[string, string, number | null]>([
    ['empty is not rated', '', null],
    ['0 is "not rated" in some apps', '0', null],
    ['a half point', '8.5', 8.5],
    ['the top of the scale', '10', 10],
  ])('readRpe: %s', (_rule, text, expected) => {
    expect(readRpe(text, 'RPE')).toBe(expected);
  });

  it('readRpe refuses values off the 1–10 scale', () => {
    expect(() => readRpe('11', 'RPE')).toThrow('RPE "11" is not an RPE from 1 to 10');
    expect(() => readRpe('0.5', 'RPE')).toThrow(/not an RPE/);
  });

  it.each<[string, string, number | null]>([
    ['FitNotes h:mm:ss', '0:01:30', 90],
    ['an hour and more', '1:00:05', 3605],
    ['m:ss', '1:30', 90],
    ['plain seconds', '45', 45],
    ['empty', '', null],
  ])('readDuration: %s: %s', (_rule, text, expected) => {
    expect(readDuration(text, 'Time')).toBe(expected);
  });

  it('readDuration refuses times that do not exist', () => {
    expect(() => readDuration('0:61:00', 'Time')).toThrow('Time "0:61:00" is not a time like 0:01:30');
    expect(() => readDuration('0:01:75', 'Time')).toThrow(/not a time/);
  });
});
