// `rehab undo`, `rehab edit` and `rehab delete` through the built binary.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSandbox, type Sandbox } from './run-rehab.js';

let sandbox: Sandbox;
beforeEach(() => {
  sandbox = makeSandbox();
});
afterEach(() => sandbox.cleanup());

function ok(args: string[]): string {
  const result = sandbox.run(args);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

/** The exported rows as `date exercise set reps load unit rpe pain note`: the whole log, to compare before and after. */
function snapshot(): string {
  return ok(['export', '--format', 'jsonl']);
}

function uidOf(setId: number): string {
  const history = JSON.parse(ok(['history', '--format', 'json'])) as Array<{ sets: Array<{ id: number; uid: string }> }>;
  const set = history.flatMap((session) => session.sets).find((s) => s.id === setId);
  if (!set) throw new Error(`no set ${setId}`);
  return set.uid;
}

function nextOf(name: string): { action: string; load: number; reps: { target: number } } {
  const report = JSON.parse(ok(['next', name, '--format', 'json'])) as { prescriptions: Array<{ action: string; load: number; reps: { target: number } }> };
  return report.prescriptions[0]!;
}

describe('rehab undo', () => {
  it('log, log, undo, undo, nothing to undo: each undo removes one log and says exactly what', () => {
    expect(sandbox.run(['log', 'squat', '25kg', '3x10', '--date', '2026-03-02']).code).toBe(0);
    ok(['log', 'rdl', '55lb', '8,8,6', '--date', '2026-03-04', '--rpe', '8', '--note', 'grip']);
    const [u4, u5, u6] = [uidOf(4), uidOf(5), uidOf(6)];

    expect(ok(['undo'])).toBe(
      [
        'Undid the last log: Romanian deadlift 55 lb 8, 8, 6 on 2026-03-04.',
        'Removed 3 sets:',
        `  Wed 4 Mar  Romanian deadlift  set 1  55 lb × 8 @8  “grip”  (id 4, uid ${u4})`,
        `  Wed 4 Mar  Romanian deadlift  set 2  55 lb × 8 @8  “grip”  (id 5, uid ${u5})`,
        `  Wed 4 Mar  Romanian deadlift  set 3  55 lb × 6 @8  “grip”  (id 6, uid ${u6})`,
        '',
      ].join('\n'),
    );
    const second = ok(['undo']);
    expect(second).toMatch(/^Undid the last log: Goblet squat 25 kg 3×10 on 2026-03-02\.\nRemoved 3 sets:\n/);
    expect(second).toContain('Mon 2 Mar  Goblet squat  set 3  25 kg × 10  (id 3, uid ');

    const nothing = sandbox.run(['undo']);
    expect(nothing).toEqual({ code: 0, stdout: '', stderr: 'Nothing to undo.\n' });
    expect(snapshot()).toBe('');
  });

  it('removes what is left of a log whose sets were edited or deleted, and says so', () => {
    sandbox.run(['log', 'squat', '25kg', '3x10']);
    ok(['delete', '2']);
    ok(['edit', '3', '--scheme', '8']);
    const out = ok(['undo']);
    expect(out).toMatch(/^Undid the last log: Goblet squat 25 kg 3×10 on \d{4}-\d{2}-\d{2}; since then set 2 deleted, set 3 edited\.\nRemoved 2 sets:\n/);
    expect(out).toContain('set 3  25 kg × 8  (id 3,');
  });

  it('says so when nothing of the last log was left, and removes its record', () => {
    sandbox.run(['log', 'squat', '25kg', 'x10']);
    ok(['delete', '1']);
    expect(ok(['undo'])).toMatch(/since then set 1 deleted\.\nNothing of it was left to remove: its sets had all been deleted already\. Its record is gone now\.\n$/);
    expect(sandbox.run(['undo']).stderr).toBe('Nothing to undo.\n');
  });
});

describe('rehab edit', () => {
  it('changes the next prescription at once: log, next, edit a set’s reps, next', () => {
    sandbox.run(['log', 'squat', '25kg', '3x12', '--date', 'yesterday']);
    const before = nextOf('squat');
    expect(before.action).toBe('progress');
    expect(before.load).toBeGreaterThan(25);

    const edited = ok(['edit', '2', '--scheme', '9']);
    expect(edited).toMatch(/^Edited set 2 of Goblet squat:\n {2}before {2}\w{3} \d+ \w{3} {2}25 kg × 12\n {2}after {3}\w{3} \d+ \w{3} {2}25 kg × 9\nNext Goblet squat: 25 kg 3×10 \(range 8–12\), hold\.\n$/);

    expect(nextOf('squat')).toMatchObject({ action: 'hold', load: 25, reps: { target: 10 } });
  });

  it('changes load, RPE, pain and note, clears them with none and an empty note, and finds a set by its uid', () => {
    sandbox.run(['log', 'rdl', '50lb', 'x10', '--rpe', '7', '--pain', '3', '--note', 'grip']);
    const out = ok(['edit', uidOf(1), '--load', '55lb', '--rpe', 'none', '--pain', '1', '--note', '']);
    expect(out).toContain('before  ');
    expect(out).toMatch(/before {2}.* {2}50 lb × 10 @7 {2}pain 3\/10 {2}“grip”\n/);
    expect(out).toMatch(/after {3}.* {2}55 lb × 10 {2}pain 1\/10\n/);
    const [row] = snapshot().trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(row).toMatchObject({ load: 55, unit: 'lb', rpe: null, pain: 1, note: null, source: 'typed' });
  });

  it('--date moves a set into that day’s session of the exercise', () => {
    sandbox.run(['log', 'squat', '25kg', '3x10', '--date', '2026-03-02']);
    sandbox.run(['log', 'squat', '25kg', '3x10', '--date', '2026-03-04']);
    // Logged on the 4th by mistake: set 6 belongs to the 2nd, where sets 1–3 are.
    expect(ok(['edit', '6', '--date', '2026-03-02'])).toContain('It is now set 4 on Mon 2 Mar.');
    const rows = snapshot().trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(rows.map((r) => `${r.date} ${r.session}/${r.set}`)).toEqual(['2026-03-02 1/1', '2026-03-02 1/2', '2026-03-02 1/3', '2026-03-02 1/4', '2026-03-04 1/1', '2026-03-04 1/2']);
  });

  it('says so, and changes nothing, when the edit gives the values the set already has', () => {
    sandbox.run(['log', 'squat', '25kg', 'x10']);
    const before = snapshot();
    const result = sandbox.run(['edit', '1', '--scheme', '10']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Set 1 already reads like that; nothing was changed: /);
    expect(snapshot()).toBe(before);
    expect(ok(['undo'])).not.toContain('since then');
  });
});

describe('rehab delete', () => {
  it('removes one set, says which, and the next prescription', () => {
    sandbox.run(['log', 'squat', '25kg', '10,10,5', '--date', 'yesterday']);
    const uid = uidOf(3);
    const out = ok(['delete', '3']);
    expect(out).toMatch(new RegExp(`^Deleted \\w{3} \\d+ \\w{3}  Goblet squat  set 3  25 kg × 5  \\(id 3, uid ${uid}\\)\\nNext Goblet squat: 25 kg 3×11 \\(range 8–12\\), hold\\.\\n$`));
    expect(snapshot().trimEnd().split('\n')).toHaveLength(2);
  });
});

describe('a set id is never given to another set', () => {
  /** The ids of every set in the log, oldest first. */
  function ids(): number[] {
    const history = JSON.parse(ok(['history', '--format', 'json'])) as Array<{ sets: Array<{ id: number }> }>;
    return history.flatMap((session) => session.sets.map((set) => set.id)).sort((a, b) => a - b);
  }

  it('after `rehab undo` of the newest sets, the next log gets new ids, so an id read before names nothing rather than another set', () => {
    expect(sandbox.run(['log', 'squat', '25kg', '3x10', '--date', '2026-03-02']).code).toBe(0); // the first run sets the log up, and says so
    ok(['log', 'rdl', '55lb', '8,8,6', '--date', '2026-03-04']);
    ok(['undo']);
    ok(['log', 'bridge', '20kg', '2x12', '--date', '2026-03-04']);
    expect(ids()).toEqual([1, 2, 3, 7, 8]);

    const stale = sandbox.run(['edit', '5', '--rpe', '8']);
    expect(stale.code).toBe(2);
    expect(stale.stderr).toBe('rehab: No set has the id "5". Run `rehab history` to see the ids of your sets.\n');
  });

  it('after `rehab delete` of the newest set, the next log does not get its id', () => {
    expect(sandbox.run(['log', 'squat', '25kg', '3x10', '--date', '2026-03-02']).code).toBe(0); // the first run sets the log up, and says so
    ok(['delete', '3']);
    ok(['log', 'squat', '25kg', 'x10', '--date', '2026-03-04']);
    expect(ids()).toEqual([1, 2, 4]);
  });
});

describe('bad input to edit and delete: exit 2, one line naming what was wrong, nothing changed', () => {
  it.each<[string, string[], string]>([
    ['an unknown id (edit)', ['edit', '999', '--scheme', '10'], 'rehab: No set has the id "999". Run `rehab history` to see the ids of your sets.'],
    ['an unknown id (delete)', ['delete', '999'], 'rehab: No set has the id "999". Run `rehab history` to see the ids of your sets.'],
    ['an unknown uid', ['delete', 'not-a-uid'], 'rehab: No set has the id "not-a-uid". Run `rehab history` to see the ids of your sets.'],
    ['nothing to change', ['edit', '1'], 'rehab: Nothing to change was given. Give one or more of --load, --scheme, --rpe, --pain, --date, --note, as in `rehab edit 812 --scheme 10`. On a terminal, `rehab edit 812` asks what to change.'],
    ['a whole scheme for one set', ['edit', '1', '--scheme', '3x10'], 'rehab: --scheme "3x10" is 3 sets, but edit changes one set. Give that set’s reps or seconds, as in --scheme 10 or --scheme 30s; to redo a whole session, use `rehab undo` and log it again.'],
    ['seconds for a counted exercise', ['edit', '1', '--scheme', '30s'], 'rehab: Goblet squat is counted in reps, not seconds. Write it like --scheme 10.'],
    ['reps for a timed hold', ['edit', '4', '--scheme', '10'], 'rehab: Side plank is a timed hold, so --scheme "10" must be in seconds. Write it like --scheme 30s.'],
    ['the RPE twice', ['edit', '1', '--scheme', '10@8', '--rpe', '9'], 'rehab: The RPE was given twice, in --scheme and with --rpe. Give it once, e.g. `--scheme 10@8` or `--rpe 8`.'],
    ['a load that is not understood', ['edit', '1', '--load', '25kgs'], 'rehab: Load "25kgs" has an unknown unit "kgs". Use kg, lb or lbs, as in 25kg, 25 kg or 55lb.'],
    ['a date in the future', ['edit', '1', '--date', 'tomorrow'], 'rehab: Date "tomorrow" is in the future. rehab logs what you did, so use today or an earlier date.'],
    ['an RPE out of range', ['edit', '1', '--rpe', '11'], 'rehab: RPE "11" is not between 1 and 10. RPE goes from 1 to 10 in steps of 0.5, as in 7 or 8.5.'],
    ['pain out of range', ['edit', '1', '--pain', '11'], 'rehab: Pain "11" is not between 0 and 10. Pain is a whole number from 0 (none) to 10 (worst imaginable).'],
    [
      'no id (stdin is not a terminal)',
      ['delete'],
      'rehab: Missing the id of the set to delete. Write it like `rehab delete 812`; `rehab history` shows the ids. On a terminal, `rehab delete` alone offers the latest sets.',
    ],
  ])('%s', (_rule, args, message) => {
    sandbox.run(['log', 'squat', '25kg', '3x10', '--rpe', '8']);
    ok(['log', 'side plank', 'bw', 'x30s']);
    const before = snapshot();
    const result = sandbox.run(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${message}\n`);
    expect(snapshot()).toBe(before);
    // No batch summary was touched either.
    expect(ok(['undo'])).toMatch(/^Undid the last log: Side plank bodyweight 1×30 s on \d{4}-\d{2}-\d{2}\.\n/);
  });
});
