import { addMonths } from 'date-fns/addMonths';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso, addMonthsIso, addWeeksIso, daysBetween, shortDay, startOfIsoWeek } from '../../src/domain/calendar.js';

describe('calendar arithmetic on ISO dates', () => {
  it.each([
    ['same day', '2026-11-24', '2026-11-24', 0],
    ['next day', '2026-11-24', '2026-11-25', 1],
    ['across a month end', '2026-01-31', '2026-02-01', 1],
    ['across a leap day', '2024-02-28', '2024-03-01', 2],
    ['across a year end', '2025-12-31', '2026-01-01', 1],
    ['across the March daylight-saving change in Europe', '2026-03-28', '2026-03-30', 2],
    ['backwards', '2026-11-24', '2026-11-14', -10],
  ])('%s', (_name, from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
    expect(addDaysIso(from, days)).toBe(to);
  });

  it('agrees with date-fns for any two dates from 1900 to 2200', () => {
    const date = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, date, (from, to) => {
        expect(daysBetween(from, to)).toBe(differenceInCalendarDays(parseISO(to), parseISO(from)));
        expect(addDaysIso(from, daysBetween(from, to))).toBe(to);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('weeks, months and the start of an ISO week', () => {
  it.each([
    ['a month later', '2026-01-15', 1, '2026-02-15'],
    ['31 January + 1 month is the last day of February', '2026-01-31', 1, '2026-02-28'],
    ['… in a leap year', '2024-01-31', 1, '2024-02-29'],
    ['across a year end', '2025-11-30', 3, '2026-02-28'],
    ['backwards', '2026-03-31', -1, '2026-02-28'],
    ['a year', '2024-02-29', 12, '2025-02-28'],
  ])('addMonthsIso: %s', (_name, date, months, expected) => {
    expect(addMonthsIso(date, months)).toBe(expected);
  });

  it.each([
    ['a Tuesday', '2026-11-24', '2026-11-23'],
    ['a Monday', '2026-11-23', '2026-11-23'],
    ['a Sunday', '2026-11-29', '2026-11-23'],
    ['across a year end', '2026-01-01', '2025-12-29'],
    ['before 1970', '1969-12-31', '1969-12-29'],
  ])('startOfIsoWeek: %s', (_name, date, monday) => {
    expect(startOfIsoWeek(date)).toBe(monday);
  });

  it('agree with date-fns for any date from 1900 to 2200', () => {
    const date = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const iso = (value: Date) => format(value, 'yyyy-MM-dd');
    fc.assert(
      fc.property(date, fc.integer({ min: -120, max: 120 }), (day, count) => {
        expect(addMonthsIso(day, count)).toBe(iso(addMonths(parseISO(day), count)));
        expect(addWeeksIso(day, count)).toBe(addDaysIso(day, 7 * count));
        expect(startOfIsoWeek(day)).toBe(iso(startOfISOWeek(parseISO(day))));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('shortDay', () => {
  it.each([
    ['this year', '2026-11-24', '2026-12-01', 'Tue 24 Nov'],
    ['another year', '2025-03-02', '2026-12-01', 'Sun 2 Mar 2025'],
    ['a leap day', '2024-02-29', '2026-01-01', 'Thu 29 Feb 2024'],
    ['before 1970', '1969-12-31', '2026-01-01', 'Wed 31 Dec 1969'],
  ])('%s', (_name, date, today, text) => {
    expect(shortDay(date, today)).toBe(text);
  });
});
