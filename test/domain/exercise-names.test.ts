import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseName, suggestNames } from '../../src/domain/exercise-names.js';

describe('normaliseName', () => {
  it.each<[string, string, string]>([
    ['lower case', 'Goblet Squat', 'goblet squat'],
    ['trimmed', '  squat ', 'squat'],
    ['inner spaces collapsed', 'goblet \t  squat', 'goblet squat'],
    ['composed and decomposed accents match', 'Pre\u0301s', 'prés'],
    ['empty stays empty', '   ', ''],
  ])('%s: %j', (_rule, text, expected) => {
    expect(normaliseName(text)).toBe(expected);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(normaliseName(normaliseName(s))).toBe(normaliseName(s));
      }),
    );
  });
});

describe('suggestNames', () => {
  const names = ['Goblet squat', 'Split squat', 'Romanian deadlift', 'Glute bridge', 'Hip thrust', 'Side plank', 'Bird dog', 'Dead bug', 'Swat'];

  it.each<[string, string, string[], string[]]>([
    ['a swapped pair of letters is one edit', 'brid dog', names, ['Bird dog']],
    ['one letter missing', 'glute brige', names, ['Glute bridge']],
    ['case and spacing do not matter', '  HIP   THRUSt ', names, ['Hip thrust']],
    ['a typo in one word of a longer name, then a whole-name typo', 'sqaut', names, ['Split squat', 'Goblet squat', 'Swat']],
    ['a word of the name ranks before a one-letter typo of the whole', 'squat', names, ['Split squat', 'Goblet squat', 'Swat']],
    ['ties go to the name closest in length', 'squat', ['Goblet squat', 'Split squat'], ['Split squat', 'Goblet squat']],
    ['a one-letter typo ranks before a word start', 'deadlif', ['Deadlift', 'Deadlift with a pause'], ['Deadlift', 'Deadlift with a pause']],
    ['a word start finds the name', 'gob', names, ['Goblet squat']],
    ['a word start finds several, closest first', 'dead', names, ['Dead bug', 'Romanian deadlift']],
    ['containment finds the name', 'lank', names, ['Side plank']],
    ['nothing close gives nothing', 'bench press', names, []],
    ['an empty input gives nothing', '  ', names, []],
    ['no candidates gives nothing', 'squat', [], []],
    ['names that normalise alike are suggested once, first spelling kept', 'squat', ['Squat', 'squat ', 'SQUAT'], ['Squat']],
    ['an exact match comes first', 'side plank', ['Side planks', 'Side plank'], ['Side plank', 'Side planks']],
  ])('%s: %j', (_rule, input, candidates, expected) => {
    expect(suggestNames(input, candidates)).toStrictEqual(expected);
  });

  it('returns at most max names', () => {
    expect(suggestNames('squat', ['squat a', 'squat b', 'squat c', 'squat d'], 2)).toHaveLength(2);
    expect(suggestNames('squat', ['squat a', 'squat b', 'squat c', 'squat d'])).toHaveLength(3);
  });

  it('allows 40 % of a long name in edits, but not more', () => {
    // 'romanian deadlift' is 17 characters: 6 edits allowed.
    expect(suggestNames('romenain dedlift', ['Romanian deadlift'])).toStrictEqual(['Romanian deadlift']);
    expect(suggestNames('rxxxxxxx deadlift', ['Romanian deadlift'])).toStrictEqual([]);
  });

  it('only ever returns candidates, without duplicates, at most max', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string({ maxLength: 12 }), { maxLength: 12 }), fc.integer({ min: 0, max: 5 }), (input, candidates, max) => {
        const result = suggestNames(input, candidates, max);
        expect(result.length).toBeLessThanOrEqual(max);
        for (const name of result) expect(candidates).toContain(name);
        expect(new Set(result.map(normaliseName)).size).toBe(result.length);
      }),
    );
  });

  it('a candidate one typo away is always suggested', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{4,12}$/), fc.nat(), (name, at) => {
        const i = at % name.length;
        const typo = `${name.slice(0, i)}${name.slice(i + 1)}`;
        expect(suggestNames(typo, [name, 'zzzzzzzzzzzzzzzz'])).toContain(name);
      }),
    );
  });
});
