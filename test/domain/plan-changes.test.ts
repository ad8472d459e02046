import { describe, expect, it } from 'vitest';
import { matchPlanEntries, planChanges, planChangesAnything, type PlanEntry } from '../../src/domain/plan-changes.js';
import type { Exercise } from '../../src/domain/types.js';
import { settings } from '../db/fixtures.js';

function exercise(id: number, name: string, aliases: string[] = [], archived = false): Exercise {
  return { id, name, aliases, archived, settings: settings() };
}

function entry(name: string, aliases: string[] = [], overrides: Partial<PlanEntry> = {}): PlanEntry {
  return { name, aliases, archived: false, settings: settings(), ...overrides };
}

const log = [exercise(1, 'Goblet squat', ['squat', 'goblet']), exercise(2, 'Glute bridge', ['bridge']), exercise(3, 'Bird dog')];

describe('matchPlanEntries', () => {
  it.each<[string, PlanEntry[], Array<number | undefined>]>([
    ['by name, ignoring case and spaces', [entry(' goblet  SQUAT ')], [1]],
    ['a new name is a new exercise', [entry('Step up')], [undefined]],
    ['by an alias that is the name of an exercise no entry names (a rename)', [entry('Front squat', ['Goblet squat'])], [1]],
    ['a name beats an alias', [entry('Front squat', ['Goblet squat']), entry('Goblet squat')], [undefined, 1]],
    ['a plain alias of the log is not a name, so no match', [entry('Back squat', ['squat'])], [undefined]],
  ])('%s', (_rule, entries, ids) => {
    expect(matchPlanEntries(entries, log).map((match) => match?.id)).toEqual(ids);
  });
});

describe('planChanges', () => {
  it('finds nothing to do when the plan is the log', () => {
    const changes = planChanges({ units: 'kg', exercises: log.map((e) => entry(e.name, e.aliases)) }, log, 'kg');
    expect(planChangesAnything(changes)).toBe(false);
    expect(changes.unchanged.map((e) => e.id)).toEqual([1, 2, 3]);
  });

  it('updates matched exercises, adds new ones, archives the ones left out and says what changed', () => {
    const plan = {
      units: 'lb' as const,
      exercises: [
        entry('GOBLET squat', ['squat', 'goblet'], { settings: settings({ reps: { min: 8, max: 15 } }) }),
        entry('Step up', ['stepup']),
        entry('Bird dog', [], { archived: true }),
      ],
    };
    const changes = planChanges(plan, log, 'kg');
    expect(changes.units).toEqual({ before: 'kg', after: 'lb' });
    expect(changes.added.map((e) => e.name)).toEqual(['Step up']);
    expect(changes.changed.map((item) => [item.exercise.id, item.changes])).toEqual([
      [
        1,
        [
          { path: 'name', before: 'Goblet squat', after: 'GOBLET squat' },
          { path: 'reps.max', before: 12, after: 15 },
        ],
      ],
      [3, [{ path: 'archived', before: false, after: true }]],
    ]);
    expect(changes.leftOut.map((item) => [item.exercise.id, item.next.archived, item.changes])).toEqual([
      [2, true, [{ path: 'archived', before: false, after: true }]],
    ]);
  });

  it('moves an alias the plan gives to another exercise away from the one left out', () => {
    const changes = planChanges({ units: 'kg', exercises: [entry('Back squat', ['squat'])] }, [log[0]!], 'kg');
    expect(changes.added.map((e) => e.name)).toEqual(['Back squat']);
    expect(changes.leftOut[0]?.next).toMatchObject({ name: 'Goblet squat', aliases: ['goblet'], archived: true });
  });

  it('leaves an exercise that is already archived, and left out, unchanged', () => {
    const archived = exercise(4, 'Plank', [], true);
    const changes = planChanges({ units: 'kg', exercises: [] }, [archived], 'kg');
    expect(changes.unchanged).toEqual([archived]);
    expect(planChangesAnything(changes)).toBe(false);
  });
});
