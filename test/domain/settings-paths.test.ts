import { describe, expect, it } from 'vitest';
import { diffSettings, formatPath, formatSettingValue, parseSettingPath, setAtPath, settingLeaves } from '../../src/domain/settings-paths.js';
import { RehabError } from '../../src/errors.js';
import { settings } from '../db/fixtures.js';

describe('formatPath', () => {
  it.each<[string, Array<string | number>, string]>([
    ['keys join with dots', ['reps', 'max'], 'reps.max'],
    ['array indexes go in brackets', ['exercises', 2, 'settings', 'reps', 'max'], 'exercises[2].settings.reps.max'],
    ['an index after an index', ['a', 0, 1], 'a[0][1]'],
    ['the empty path names the whole value', [], 'the plan'],
  ])('%s', (_rule, path, expected) => {
    expect(formatPath(path, 'the plan')).toBe(expected);
  });
});

describe('parseSettingPath', () => {
  it.each<[string, string, Array<string | number>]>([
    ['dots separate keys', 'reps.max', ['reps', 'max']],
    ['a number is an array index', 'milestones.loadsKg.1', ['milestones', 'loadsKg', 1]],
    ['spaces around parts are ignored', ' reps . min ', ['reps', 'min']],
  ])('%s', (_rule, text, expected) => {
    expect(parseSettingPath(text)).toEqual(expected);
  });

  it.each(['', 'reps..max', '.reps', 'reps.'])('refuses an empty part in %j with a usage error', (text) => {
    expect(() => parseSettingPath(text)).toThrow(RehabError);
    expect(() => parseSettingPath(text)).toThrow(/is not a setting path/);
  });
});

describe('setAtPath', () => {
  it('returns a copy with the value set, leaving the original alone', () => {
    const original = settings();
    const changed = setAtPath(original, ['reps', 'max'], 15) as ReturnType<typeof settings>;
    expect(changed.reps).toEqual({ min: 8, max: 15 });
    expect(original.reps.max).toBe(12);
  });

  it('creates missing groups on the way, an array before an index', () => {
    expect(setAtPath({}, ['milestones', 'loadsKg', 0], 20)).toEqual({ milestones: { loadsKg: [20] } });
  });

  it('refuses to go through a single value, naming it', () => {
    expect(() => setAtPath(settings(), ['sets', 'x'], 1)).toThrow('sets is a single value, so it has no "x".');
  });
});

describe('diffSettings', () => {
  it('lists each changed leaf with its old and new value, in key order', () => {
    const before = settings();
    const after = { ...settings(), sets: 4, reps: { min: 6, max: 10 } };
    expect(diffSettings(before, after)).toEqual([
      { path: 'sets', before: 3, after: 4 },
      { path: 'reps.min', before: 8, after: 6 },
      { path: 'reps.max', before: 12, after: 10 },
    ]);
  });

  it('treats a load as one value and a key only one side has as (none) on the other', () => {
    const before = settings();
    const after = { ...settings(), start: { kind: 'external' as const, value: 20, unit: 'kg' as const }, milestones: { loadsKg: [20, 30] } };
    const changes = diffSettings(before, after);
    expect(changes).toEqual([
      { path: 'start', before: before.start, after: after.start },
      { path: 'milestones.loadsKg', before: undefined, after: [20, 30] },
    ]);
    expect(changes.map((change) => `${formatSettingValue(change.before)} → ${formatSettingValue(change.after)}`)).toEqual([
      'bodyweight → 20 kg',
      '(none) → 20, 30',
    ]);
  });

  it('finds nothing between equal settings', () => {
    expect(diffSettings(settings(), settings())).toEqual([]);
  });
});

describe('settingLeaves', () => {
  it('lists every setting by the path `--set` takes', () => {
    expect(settingLeaves(settings()).map((leaf) => leaf.path)).toEqual([
      'model',
      'measure',
      'sets',
      'reps.min',
      'reps.max',
      'seconds.min',
      'seconds.max',
      'seconds.increment',
      'equipment',
      'increment.kg',
      'increment.lb',
      'step.kg',
      'step.lb',
      'start',
      'pattern',
    ]);
  });
});
