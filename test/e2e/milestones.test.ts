// `rehab milestones` and the milestones of `rehab next`, through the built binary: the listing,
// the JSON shapes, acknowledging, and the errors of --ack (with nothing written).
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSandbox, type Sandbox } from './run-rehab.js';

let sandbox: Sandbox;
beforeEach(() => {
  sandbox = makeSandbox();
  // A goblet squat from bodyweight to 45 lb (20.4 kg) in two weeks, twice a week.
  for (const [date, load] of [
    ['2026-03-02', 'bw'],
    ['2026-03-05', '10kg'],
    ['2026-03-09', '16kg'],
    ['2026-03-12', '45lb'],
  ] as const) {
    expect(sandbox.run(['log', 'squat', load, '3x12', '--date', date]).code).toBe(0);
  }
});
afterEach(() => sandbox.cleanup());

function run(...args: string[]) {
  const result = sandbox.run(args);
  expect(result.code, result.stderr).toBe(0);
  return result;
}

function acks(): number {
  const handle = new Database(sandbox.db, { readonly: true });
  try {
    return handle.prepare('SELECT count(*) FROM milestone_acks').pluck().get() as number;
  } finally {
    handle.close();
  }
}

interface MilestoneJson {
  id: string;
  kind: string;
  exercise: string | null;
  status: string;
  date: string | null;
  title: string;
  message: string;
  acknowledged: boolean;
  acknowledgedAt: string | null;
  details: Record<string, unknown>;
}

const milestonesOf = (...args: string[]): MilestoneJson[] => JSON.parse(run(...args, '--format', 'json').stdout).milestones;
const idsAndStatus = (milestones: MilestoneJson[]) => milestones.map((m) => `${m.status} ${m.date ?? '-'} ${m.id}`);

describe('rehab milestones', () => {
  it('lists reached, due and the next upcoming of each kind, as text', () => {
    const { stdout, stderr } = run('milestones', '--date', '2026-03-20');
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Milestones, as of Fri 20 Mar( 2026)?\n\nReached\n/);
    expect(stdout).toMatch(/ {2}Thu 12 Mar( 2026)? {2}Goblet squat: 20 kg of external load, the suitcase band {2}\[suitcase-20kg:goblet-squat\]\n/);
    expect(stdout).toContain('Heaviest so far 45 lb (≈ 20.4 kg).');
    expect(stdout).toContain('re-evaluate how your glutes work and how you move');
    expect(stdout).toMatch(/\nDue\n {2}Mon 16 Mar( 2026)? {2}2-week review \(short term\) {2}\[review-2w\]\n/);
    expect(stdout).toMatch(/Goblet squat: bodyweight × 12, 12, 12 \(Mon 2 Mar( 2026)?\) → 45 lb × 12, 12, 12 \(Thu 12 Mar( 2026)?\): \+20\.4 kg/);
    expect(stdout).toMatch(/\nUpcoming\n/);
    expect(stdout).toContain('[review-6w]');
    expect(stdout).toContain('[suitcase-30kg:goblet-squat]');
    expect(stdout).not.toContain('[review-12w]');
    expect(stdout).toMatch(/Seen it\? `rehab milestones --ack ID` stops showing it\.\n$/);
  });

  it('--format json: { date, milestones: [{ id, kind, exercise, status, date, title, message, acknowledged, acknowledgedAt, details }] }', () => {
    const output = JSON.parse(run('milestones', '--date', '2026-03-20', '--format', 'json').stdout);
    expect(output.date).toBe('2026-03-20');
    const suitcase = output.milestones.find((m: MilestoneJson) => m.id === 'suitcase-20kg:goblet-squat');
    expect(suitcase).toEqual({
      id: 'suitcase-20kg:goblet-squat',
      kind: 'suitcase',
      exercise: 'Goblet squat',
      status: 'reached',
      date: '2026-03-12',
      title: 'Goblet squat: 20 kg of external load, the suitcase band',
      message: expect.stringContaining('strength has improved objectively'),
      acknowledged: false,
      acknowledgedAt: null,
      details: {
        metric: 'load',
        targetKg: 20,
        best: { load: 45, unit: 'lb', bodyweight: false, loadText: '45 lb', kg: 20.41, date: '2026-03-12' },
      },
    });
    const review = output.milestones.find((m: MilestoneJson) => m.id === 'review-2w');
    expect(review).toMatchObject({ kind: 'review', exercise: null, status: 'due', date: '2026-03-16' });
    expect(review.details.exercises[0]).toEqual({
      exercise: 'Goblet squat',
      start: { date: '2026-03-02', load: 0, unit: 'kg', bodyweight: true, loadText: 'bodyweight', externalKg: 0, measure: 'reps', reps: [12, 12, 12], e1rmKg: null },
      latest: { date: '2026-03-12', load: 45, unit: 'lb', bodyweight: false, loadText: '45 lb', externalKg: 20.41, measure: 'reps', reps: [12, 12, 12], e1rmKg: null },
      externalKgChange: 20.41,
      e1rmChangePercent: null,
    });
    const consistency = output.milestones.find((m: MilestoneJson) => m.kind === 'consistency');
    expect(consistency).toMatchObject({
      id: 'consistency-4w',
      status: 'upcoming',
      date: '2026-03-29',
      details: { weeks: 4, sessionsPerWeek: 2, streak: { from: '2026-03-02', weeks: 2 } },
    });
  });

  it('a source the same for every milestone (Epley; Reynolds 2006) is explained under the first and named under the next; JSON keeps every message whole', () => {
    // Romanian deadlift: e1RM 25.3 kg at the start (Epley, 20 kg × 8), then +50 % (38 kg) and +100 % (50.7 kg).
    run('log', 'rdl', '20kg', '3x8', '--date', '2026-03-02');
    run('log', 'rdl', '30kg', '3x8', '--date', '2026-03-05');
    run('log', 'rdl', '40kg', '3x8', '--date', '2026-03-09');
    const source = 'Epley estimate from sets of 10 reps or fewer; Reynolds 2006.';

    const lines = run('milestones', '--date', '2026-03-12').stdout.split('\n');
    const messageOf = (id: string) => lines[lines.findIndex((line) => line.endsWith(`[${id}]`)) + 1];
    expect(messageOf('e1rm-150:romanian-deadlift')).toMatch(new RegExp(`^      Estimated 1RM reached 38 kg on .*\\. ${source.replace(/[.;]/g, '\\$&')}$`));
    expect(messageOf('e1rm-200:romanian-deadlift')).toMatch(/^      Estimated 1RM reached 50\.7 kg on .*\. Epley estimate \(Reynolds 2006\): as above\.$/);
    expect(lines.filter((line) => line.includes(source))).toHaveLength(1);

    const json = JSON.parse(run('milestones', '--date', '2026-03-12', '--format', 'json').stdout) as { milestones: MilestoneJson[] };
    const e1rm = json.milestones.filter((milestone) => milestone.id.startsWith('e1rm-'));
    expect(e1rm.map((milestone) => milestone.id)).toEqual(['e1rm-150:romanian-deadlift', 'e1rm-200:romanian-deadlift']);
    for (const milestone of e1rm) expect(milestone.message.endsWith(source)).toBe(true);
  });

  it('--ack stores the acknowledgement, says so, and the milestone no longer shows; --all still lists it', () => {
    const acked = run('milestones', '--ack', 'suitcase-20kg:goblet-squat', '--date', '2026-03-20');
    expect(acked.stdout).toBe(
      'Acknowledged suitcase-20kg:goblet-squat: Goblet squat: 20 kg of external load, the suitcase band. It no longer shows in `rehab next`; `rehab milestones --all` still lists it.\n',
    );
    expect(acks()).toBe(1);
    expect(idsAndStatus(milestonesOf('next', '--date', '2026-03-20'))).not.toContain('reached 2026-03-12 suitcase-20kg:goblet-squat');
    expect(milestonesOf('milestones', '--date', '2026-03-20').map((m) => m.id)).not.toContain('suitcase-20kg:goblet-squat');
    const all = milestonesOf('milestones', '--all', '--date', '2026-03-20');
    expect(all.find((m) => m.id === 'suitcase-20kg:goblet-squat')).toMatchObject({ acknowledged: true, acknowledgedAt: expect.any(String) });
    expect(run('milestones', '--all', '--date', '2026-03-20').stdout).toMatch(/\[suitcase-20kg:goblet-squat\] \(acknowledged \w{3} \d{1,2} \w{3}( \d{4})?\)/);

    const again = run('milestones', '--ack', 'SUITCASE-20kg:goblet-squat', '--date', '2026-03-20');
    expect(again.stdout).toMatch(/^suitcase-20kg:goblet-squat \(Goblet squat: 20 kg of external load, the suitcase band\) was already acknowledged on /);
    expect(acks()).toBe(1);
  });

  it('--ack takes several ids, and --format json says what it stored', () => {
    const output = JSON.parse(run('milestones', '--ack', 'review-2w', '--ack', 'suitcase-20kg:goblet-squat', '--date', '2026-03-20', '--format', 'json').stdout);
    expect(output.acknowledged.map((a: { id: string; already: boolean }) => `${a.id} ${a.already}`)).toEqual([
      'review-2w false',
      'suitcase-20kg:goblet-squat false',
    ]);
    expect(acks()).toBe(2);
  });

  it.each([
    [
      'an unknown id, suggesting the closest and listing the ones waiting',
      ['milestones', '--ack', 'sutcase-20kg:goblet-squat', '--date', '2026-03-20'],
      'rehab: No milestone has the id "sutcase-20kg:goblet-squat". Did you mean suitcase-20kg:goblet-squat or suitcase-30kg:goblet-squat? Waiting to be acknowledged: suitcase-20kg:goblet-squat, review-2w. `rehab milestones` lists them with their ids.\n',
    ],
    [
      'a milestone not reached yet',
      ['milestones', '--ack', 'review-6w', '--date', '2026-03-20'],
      'rehab: Milestone "review-6w" (6-week review) has not been reached yet (due Mon 13 Apr). Acknowledge it once `rehab milestones` shows it as reached or due.\n',
    ],
  ])('refuses %s with a usage error, storing nothing', (_what, args, stderr) => {
    const result = sandbox.run(args);
    expect({ ...result, stderr: result.stderr.replace(/ 2026\)/g, ')') }).toEqual({ code: 2, stdout: '', stderr });
    expect(acks()).toBe(0);
  });

  it('one good and one bad id store nothing', () => {
    const result = sandbox.run(['milestones', '--ack', 'review-2w', '--ack', 'nope', '--date', '2026-03-20']);
    expect(result.code).toBe(2);
    expect(acks()).toBe(0);
  });
});

describe('renaming an exercise', () => {
  it('keeps its acknowledged milestones acknowledged', () => {
    run('milestones', '--ack', 'suitcase-20kg:goblet-squat');
    run('exercise', 'rename', 'goblet squat', 'Front squat');
    const ids = milestonesOf('milestones', '--date', '2026-03-20').map((m) => m.id);
    expect(ids).not.toContain('suitcase-20kg:front-squat');
    expect(ids).not.toContain('suitcase-20kg:goblet-squat');
    const all = milestonesOf('milestones', '--all', '--date', '2026-03-20');
    expect(all.find((m) => m.id === 'suitcase-20kg:front-squat')).toMatchObject({ acknowledged: true });
  });
});

describe('milestone settings', () => {
  it('thresholds are exercise settings: a 25 kg load mark set with `rehab exercise set` replaces the band; 45 lb (20.4 kg) is not there yet', () => {
    run('exercise', 'set', 'squat', '--set', 'milestones.loadsKg=[25]');
    const ids = idsAndStatus(milestonesOf('milestones', '--all', '--date', '2026-03-20'));
    expect(ids).toContain('upcoming - suitcase-25kg:goblet-squat');
    expect(ids.filter((id) => id.includes('suitcase-20kg'))).toEqual([]);
  });
});

describe('rehab next shows milestones', () => {
  it('every milestone reached or due and not acknowledged, then the next one coming with its date', () => {
    expect(idsAndStatus(milestonesOf('next', '--date', '2026-03-20'))).toEqual([
      'reached 2026-03-12 suitcase-20kg:goblet-squat',
      'due 2026-03-16 review-2w',
      'upcoming 2026-03-29 consistency-4w',
    ]);
    const text = run('next', '--date', '2026-03-20').stdout;
    expect(text).toMatch(/\n\nMilestones\n {2}reached Thu 12 Mar( 2026)? {2}Goblet squat: 20 kg of external load, the suitcase band {2}\[suitcase-20kg:goblet-squat\]\n/);
    expect(text).toMatch(/\n {2}next Sun 29 Mar( 2026)? {2}4 weeks in a row with at least 2 sessions {2}\[consistency-4w\]\n/);
  });

  it('as of an earlier date, a milestone not reached then is not shown (the clock is a parameter)', () => {
    expect(idsAndStatus(milestonesOf('next', '--date', '2026-03-11'))).toEqual(['upcoming 2026-03-16 review-2w']);
  });

  it('named exercises show only their own milestones, with the reviews and consistency', () => {
    expect(idsAndStatus(milestonesOf('next', 'bridge', '--date', '2026-03-20'))).toEqual(['due 2026-03-16 review-2w', 'upcoming 2026-03-29 consistency-4w']);
  });
});
