import { describe, expect, it } from 'vitest';
import { planSessions } from '../../../src/io/importers/plan.js';
import type { ImportedSet } from '../../../src/io/importers/types.js';

let line = 1;
function foreign(name: string, workout: string, reps = 8): ImportedSet {
  line += 1;
  return {
    line,
    uid: `strong-${line}`,
    exerciseName: name,
    date: workout.slice(0, 10),
    workout,
    session: null,
    setNumber: null,
    reps,
    seconds: null,
    load: { kind: 'external', value: 20, unit: 'kg' },
    rpe: null,
    pain: null,
    note: null,
    source: 'import:strong',
  };
}

function rehab(uid: string, date: string, session: number, setNumber: number): ImportedSet {
  return { ...foreign('Squat', date), uid, session, setNumber, workout: `session ${session}`, source: 'typed' };
}

const ids: Record<string, number> = { squat: 1, 'squat (barbell)': 1, bench: 2 };
const idOf = (set: ImportedSet): number => ids[set.exerciseName.toLowerCase()]!;

/** Each stored row as `uid group/set` in store order, and the groups. */
function describePlan(sets: ImportedSet[]) {
  const plan = planSessions(sets, idOf);
  return {
    stored: [...plan.order].map((index) => `${sets[index]!.uid} ${plan.groupOf[index]}/${plan.setNumbers[index]}`),
    groups: plan.groups,
  };
}

describe('planSessions (issue 4: one session per exercise per workout)', () => {
  it('numbers sets in file order within a workout and gives each workout of the day its own group, in time order', () => {
    // A newest-first file (Hevy): the afternoon workout comes first.
    const sets = [foreign('Squat', '2026-03-13T15:22:00'), foreign('Squat', '2026-03-13T15:22:00'), foreign('Squat', '2026-03-13T07:00:00'), foreign('Bench', '2026-03-12T18:00:00')];
    const [pm1, pm2, am, bench] = sets.map((set) => set.uid);
    expect(describePlan(sets)).toStrictEqual({
      stored: [`${bench} 2/1`, `${am} 1/1`, `${pm1} 0/1`, `${pm2} 0/2`],
      groups: [
        { exerciseId: 1, date: '2026-03-13', proposedSession: null },
        { exerciseId: 1, date: '2026-03-13', proposedSession: null },
        { exerciseId: 2, date: '2026-03-12', proposedSession: null },
      ],
    });
  });

  it('makes two names mapped to one exercise in one workout one session, sets numbered on', () => {
    const sets = [foreign('Squat', '2026-03-13T15:22:00'), foreign('Squat (Barbell)', '2026-03-13T15:22:00')];
    expect(describePlan(sets).stored).toStrictEqual([`${sets[0]!.uid} 0/1`, `${sets[1]!.uid} 0/2`]);
  });

  it("keeps rehab rows' session and set numbers and their file order", () => {
    const sets = [rehab('b', '2026-01-06', 1, 2), rehab('a', '2026-01-05', 2, 1), rehab('c', '2026-01-06', 1, 1)];
    expect(describePlan(sets)).toStrictEqual({
      stored: ['b 0/2', 'a 1/1', 'c 0/1'],
      groups: [
        { exerciseId: 1, date: '2026-01-06', proposedSession: 1 },
        { exerciseId: 1, date: '2026-01-05', proposedSession: 2 },
      ],
    });
  });
});
