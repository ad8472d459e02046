// Several weeks of one exercise through the built binary, with `--date`, checked against SPEC §4
// step by step: each row logs a session, then asks `rehab next` as of the following session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, type Sandbox } from './run-rehab.js';

interface Step {
  rule: string;
  log: string[];
  /** `rehab next hip thrust --date <nextDate>` must say this. */
  nextDate: string;
  expected: { action: string; load: number; target: number; retest?: boolean };
}

// A barbell hip thrust (created with --new: barbell steps of 2.5 kg, 3 × 8–12, double progression).
const steps: Step[] = [
  {
    rule: 'first session below the top of the range → hold, aim one rep higher (double progression)',
    log: ['hip', 'thrust', '40kg', '3x8', '--new', '--date', '2026-03-02'],
    nextDate: '2026-03-04',
    expected: { action: 'hold', load: 40, target: 9 },
  },
  {
    rule: 'every set at the top of the range → +1 increment, back to the bottom (ACSM 2009)',
    log: ['hip', 'thrust', '40kg', '3x12', '--date', '2026-03-04'],
    nextDate: '2026-03-06',
    expected: { action: 'progress', load: 42.5, target: 8 },
  },
  {
    rule: 'the reps hit at a lower load than prescribed do not progress (research: load check)',
    log: ['hip', 'thrust', '40kg', '3x12', '--date', '2026-03-06'],
    nextDate: '2026-03-09',
    expected: { action: 'hold', load: 42.5, target: 12 },
  },
  {
    rule: 'top of the range at RPE 9.5 does not progress (Zourdos 2016)',
    log: ['hip', 'thrust', '42.5kg', '3x12@9.5', '--date', '2026-03-09'],
    nextDate: '2026-03-11',
    expected: { action: 'hold', load: 42.5, target: 12 },
  },
  {
    rule: 'top of the range at RPE 8 progresses',
    log: ['hip', 'thrust', '42.5kg', '3x12@8', '--date', '2026-03-11'],
    nextDate: '2026-03-13',
    expected: { action: 'progress', load: 45, target: 8 },
  },
  {
    rule: 'one failed session → hold (StrongLifts)',
    log: ['hip', 'thrust', '45kg', '3x7', '--date', '2026-03-13'],
    nextDate: '2026-03-16',
    expected: { action: 'hold', load: 45, target: 8 },
  },
  {
    rule: 'two failed sessions → hold',
    log: ['hip', 'thrust', '45kg', '3x7', '--date', '2026-03-16'],
    nextDate: '2026-03-18',
    expected: { action: 'hold', load: 45, target: 8 },
  },
  {
    rule: 'three failed sessions in a row → −10 %, rounded down to the step (StrongLifts)',
    log: ['hip', 'thrust', '45kg', '3x7', '--date', '2026-03-18'],
    nextDate: '2026-03-20',
    expected: { action: 'deload', load: 40, target: 8 },
  },
  {
    rule: 'pain 6/10 during the session → regress one step or −10 %, whichever is larger (Silbernagel 2007)',
    log: ['hip', 'thrust', '40kg', '3x10', '--pain', '6', '--date', '2026-03-20'],
    nextDate: '2026-03-30',
    expected: { action: 'regress', load: 35, target: 8 },
  },
];

// Layoffs after the last session (2026-03-20, at 40 kg), asked with `next --date`.
const layoffs: Array<[string, string, { action: string; load: number; retest: boolean }]> = [
  ['a 16-day gap → −10 % (McMaster 2013; 11–21 days [design])', '2026-04-05', { action: 'resume', load: 35, retest: false }],
  ['a 31-day gap → −20 % (22–56 days [design])', '2026-04-20', { action: 'resume', load: 30, retest: false }],
  ['a 66-day gap → −30 % and a re-test (more than 56 days [design])', '2026-05-25', { action: 'resume', load: 27.5, retest: true }],
];

describe('several weeks of a barbell hip thrust, step by step (SPEC §4)', () => {
  let sandbox: Sandbox;
  beforeAll(() => {
    sandbox = makeSandbox();
  });
  afterAll(() => sandbox.cleanup());

  const next = (date: string) => {
    const result = sandbox.run(['next', 'hip thrust', '--date', date, '--format', 'json']);
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout).prescriptions[0];
  };

  // The steps build on each other, so they run in order within one test each.
  it.each(steps.map((step, index) => [index + 1, step.rule, step] as const))('step %i: %s', (_index, _rule, step) => {
    const logged = sandbox.run(['log', ...step.log]);
    expect(logged.code, logged.stderr).toBe(0);
    const prescription = next(step.nextDate);
    expect({ action: prescription.action, load: prescription.load, target: prescription.reps.target }).toEqual({
      action: step.expected.action,
      load: step.expected.load,
      target: step.expected.target,
    });
    expect(prescription.reasons.length).toBeGreaterThan(0);
  });

  it.each(layoffs)('%s', (_rule, date, expected) => {
    const prescription = next(date);
    expect({ action: prescription.action, load: prescription.load, retest: prescription.retest }).toEqual(expected);
    expect(prescription.reasons.join(' ')).toMatch(/days since the last session/);
  });
});
