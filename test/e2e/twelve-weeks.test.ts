// Twelve weeks of a goblet squat from bodyweight to 30 kg, through the built binary with --date:
// next-morning check-ins (one painful week), a two-week layoff, body weight, and the milestones
// that appear on the way. Each step asks `rehab next` as of a day, checks the prescription and the
// milestones against SPEC §4 and §4.1, then does what the user did that day.
//
// The goblet squat: dumbbell, 3 × 8–12, +2 kg steps, double progression, starts at bodyweight.
// Mondays and Thursdays from Mon 5 Jan 2026, a check-in most mornings after; the user does every
// set at the top of the range unless the step says otherwise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, type Sandbox } from './run-rehab.js';

interface Step {
  date: string;
  /** What this day's `rehab next` must prescribe for the goblet squat, and why (SPEC §4). */
  squat: { action: string; load: number | 'bw'; target: number; because: string };
  /** Milestones `rehab next` must show that day, as `status date id` (SPEC §4.1), in its order. */
  milestones?: string[];
  /** Then, that day: each entry is one `rehab …` command. */
  then: string[][];
}

const steps: Step[] = [
  {
    date: '2026-01-05',
    squat: { action: 'start', load: 'bw', target: 8, because: 'First session' },
    // Nothing logged yet: no reviews; the next dated milestone is 4 weeks in a row, at the earliest.
    milestones: ['upcoming 2026-02-01 consistency-4w'],
    then: [
      ['bodyweight', '80kg'],
      ['log', 'squat', 'bw', '3x12'],
      ['log', 'rdl', '8kg', '3x8'],
      ['pain', '2', '--date', '2026-01-06'],
    ],
  },
  { date: '2026-01-08', squat: { action: 'progress', load: 2, target: 8, because: 'Progress: bodyweight → 2 kg' }, then: [['log', 'squat', '2kg', '3x12'], ['pain', '2', '--date', '2026-01-09']] },
  { date: '2026-01-12', squat: { action: 'progress', load: 4, target: 8, because: 'Progress: 2 kg → 4 kg' }, then: [['log', 'squat', '4kg', '3x12'], ['pain', '1', '--date', '2026-01-13']] },
  { date: '2026-01-15', squat: { action: 'progress', load: 6, target: 8, because: 'Progress' }, then: [['log', 'squat', '6kg', '3x12'], ['pain', '1', '--date', '2026-01-16']] },
  {
    date: '2026-01-19',
    squat: { action: 'progress', load: 8, target: 8, because: 'Progress' },
    milestones: ['due 2026-01-19 review-2w', 'upcoming 2026-02-01 consistency-4w'],
    then: [['log', 'squat', '8kg', '3x12'], ['pain', '1', '--date', '2026-01-20']],
  },
  { date: '2026-01-22', squat: { action: 'progress', load: 10, target: 8, because: 'Progress' }, then: [['log', 'squat', '10kg', '3x12'], ['pain', '1', '--date', '2026-01-23']] },
  { date: '2026-01-26', squat: { action: 'progress', load: 12, target: 8, because: 'Progress' }, then: [['log', 'squat', '12kg', '3x12'], ['pain', '1', '--date', '2026-01-27']] },
  {
    date: '2026-01-29',
    squat: { action: 'progress', load: 14, target: 8, because: 'Progress' },
    then: [['log', 'squat', '14kg', '3x12'], ['pain', '1', '--date', '2026-01-30'], ['milestones', '--ack', 'review-2w']],
  },
  {
    // The painful week begins: the session hurts 4/10 (allowed), the next morning 6/10.
    date: '2026-02-02',
    squat: { action: 'progress', load: 16, target: 8, because: 'Progress' },
    // 4 weeks in a row reached with the second session of week 4; the acknowledged review is gone.
    milestones: ['reached 2026-01-29 consistency-4w', 'upcoming 2026-02-16 review-6w'],
    then: [
      ['log', 'squat', '16kg', '3x12', '--pain', '4'],
      ['pain', '6', '--date', '2026-02-03'],
    ],
  },
  {
    date: '2026-02-05',
    squat: { action: 'hold', load: 16, target: 8, because: 'Next-morning pain was 6/10 after the last session (above 5/10)' },
    then: [
      ['log', 'squat', '16kg', '3x8', '--pain', '3'],
      ['pain', '4', '--date', '2026-02-06'],
    ],
  },
  {
    // Check-ins 6 and 4 and the session's 3 average 4.3, up from 2 the week before (1, 1, 4).
    date: '2026-02-09',
    squat: { action: 'regress', load: 14, target: 8, because: 'Average pain over the last 7 days was 4.3/10, up from 2/10 the 7 days before' },
    then: [
      ['log', 'squat', '14kg', '3x10'],
      ['pain', '2', '--date', '2026-02-10'],
    ],
  },
  {
    date: '2026-02-12',
    squat: { action: 'hold', load: 14, target: 11, because: 'Last time 14 kg × 10, 10, 10' },
    then: [
      ['log', 'squat', '14kg', '3x12'],
      ['pain', '1', '--date', '2026-02-13'],
    ],
  },
  {
    date: '2026-02-16',
    squat: { action: 'progress', load: 16, target: 8, because: 'Progress: 14 kg → 16 kg' },
    milestones: ['reached 2026-01-29 consistency-4w', 'due 2026-02-16 review-6w', 'upcoming 2026-03-01 consistency-8w'],
    then: [
      ['log', 'squat', '16kg', '3x12'],
      ['log', 'rdl', '12kg', '3x8'],
      ['pain', '1', '--date', '2026-02-17'],
    ],
  },
  { date: '2026-02-19', squat: { action: 'progress', load: 18, target: 8, because: 'Progress' }, then: [['log', 'squat', '18kg', '3x12']] },
  {
    date: '2026-02-23',
    squat: { action: 'progress', load: 20, target: 8, because: 'Progress: 18 kg → 20 kg' },
    then: [['log', 'squat', '20kg', '3x12']],
  },
  {
    date: '2026-02-26',
    squat: { action: 'progress', load: 22, target: 8, because: 'Progress' },
    milestones: [
      'reached 2026-01-29 consistency-4w',
      'reached 2026-02-16 e1rm-150:romanian-deadlift',
      'due 2026-02-16 review-6w',
      'reached 2026-02-23 suitcase-20kg:goblet-squat',
      'upcoming 2026-03-01 consistency-8w',
    ],
    then: [['log', 'squat', '22kg', '3x12']],
  },
  // A two-week layoff: nothing from Fri 27 Feb to Wed 11 Mar.
  {
    date: '2026-03-12',
    squat: { action: 'resume', load: 18, target: 8, because: '14 days since the last session (11–21 days): load −10 %' },
    then: [
      ['log', 'squat', '18kg', '3x12'],
      ['pain', '1', '--date', '2026-03-13'],
    ],
  },
  { date: '2026-03-14', squat: { action: 'progress', load: 20, target: 8, because: 'Progress' }, then: [['log', 'squat', '20kg', '3x12']] },
  { date: '2026-03-16', squat: { action: 'progress', load: 22, target: 8, because: 'Progress' }, then: [['log', 'squat', '22kg', '3x12']] },
  { date: '2026-03-18', squat: { action: 'progress', load: 24, target: 8, because: 'Progress' }, then: [['log', 'squat', '24kg', '3x12']] },
  { date: '2026-03-20', squat: { action: 'progress', load: 26, target: 8, because: 'Progress' }, then: [['log', 'squat', '26kg', '3x12']] },
  { date: '2026-03-23', squat: { action: 'progress', load: 28, target: 8, because: 'Progress' }, then: [['log', 'squat', '28kg', '3x12']] },
  {
    date: '2026-03-25',
    squat: { action: 'progress', load: 30, target: 8, because: 'Progress: 28 kg → 30 kg' },
    then: [['log', 'squat', '30kg', '3x10']],
  },
  {
    date: '2026-03-27',
    squat: { action: 'hold', load: 30, target: 11, because: 'Last time 30 kg × 10, 10, 10' },
    then: [['log', 'squat', '30kg', '3x11']],
  },
  {
    // Twelve weeks after the first session: the review, and everything reached on the way.
    date: '2026-03-30',
    squat: { action: 'hold', load: 30, target: 12, because: 'Last time 30 kg × 11, 11, 11' },
    milestones: [
      'reached 2026-01-29 consistency-4w',
      'reached 2026-02-16 e1rm-150:romanian-deadlift',
      'due 2026-02-16 review-6w',
      'reached 2026-02-23 suitcase-20kg:goblet-squat',
      'reached 2026-02-26 consistency-8w',
      // 0.3 × 80 kg body weight = 24 kg (Dan John's goblet squat 24 kg × 10).
      'reached 2026-03-18 bw-0.3x:goblet-squat',
      'reached 2026-03-25 suitcase-30kg:goblet-squat',
      'due 2026-03-30 review-12w',
      // The run since the layoff (from the week of 9 Mar) would make 12 weeks on Sun 31 May.
      'upcoming 2026-05-31 consistency-12w',
    ],
    then: [],
  },
];

describe('twelve weeks from bodyweight to a 30 kg goblet squat (SPEC §4, §4.1)', () => {
  let sandbox: Sandbox;
  beforeAll(() => {
    sandbox = makeSandbox();
  });
  afterAll(() => sandbox.cleanup());

  const run = (args: string[]) => {
    const result = sandbox.run(args);
    expect(result.code, `rehab ${args.join(' ')}: ${result.stderr}`).toBe(0);
    return result;
  };

  // The steps build on each other, so they run in order.
  it.each(steps.map((step) => [step.date, step.squat.action, step] as const))('%s: %s', (date, _action, step) => {
    const next = JSON.parse(run(['next', '--date', date, '--format', 'json']).stdout);
    const squat = next.prescriptions.find((p: { exercise: string }) => p.exercise === 'Goblet squat');
    expect({ action: squat.action, load: squat.bodyweight ? 'bw' : squat.load, target: squat.reps.target }).toEqual({
      action: step.squat.action,
      load: step.squat.load,
      target: step.squat.target,
    });
    expect(squat.reasons.join('\n')).toContain(step.squat.because);
    if (step.milestones) {
      expect(next.milestones.map((m: { status: string; date: string; id: string }) => `${m.status} ${m.date} ${m.id}`)).toEqual(step.milestones);
    }
    for (const command of step.then) {
      // Each command of the day is dated that day (acknowledging has no date of its own).
      run(command.includes('--date') || command[0] === 'milestones' ? command : [...command, '--date', date]);
    }
  });

  it('the 12-week review shows the objective change since the start: bodyweight → 30 kg', () => {
    const { stdout } = run(['milestones', '--date', '2026-03-30']);
    expect(stdout).toMatch(/Goblet squat: bodyweight × 12, 12, 12 \(Mon 5 Jan( 2026)?\) → 30 kg × 11, 11, 11 \(Fri 27 Mar( 2026)?\): \+30 kg/);
    expect(stdout).toMatch(/Romanian deadlift: 8 kg × 8, 8, 8 \(Mon 5 Jan( 2026)?\) → 12 kg × 8, 8, 8 \(Mon 16 Feb( 2026)?\): \+4 kg, e1RM \+50 %/);
  });

  it('the 30 kg mark of the suitcase band says to re-evaluate, as the seed does', () => {
    const milestones = JSON.parse(run(['milestones', '--date', '2026-03-30', '--format', 'json']).stdout).milestones;
    const thirty = milestones.find((m: { id: string }) => m.id === 'suitcase-30kg:goblet-squat');
    expect(thirty.message).toMatch(/went from bodyweight to 30 kg of external load on Wed 25 Mar.*the weight of a holiday suitcase/);
    expect(thirty.message).toMatch(/strength has improved objectively.*re-evaluate how your glutes work and how you move/);
  });

  it('history shows the bodyweight sessions with their total at the recorded body weight', () => {
    expect(run(['history', 'squat', '--until', '2026-01-05']).stdout).toContain('Goblet squat  bodyweight (≈ 80 kg) 3×12');
  });
});
