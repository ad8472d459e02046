import { plot } from 'asciichart';
import { describe, expect, it } from 'vitest';
import type { ProgressReport } from '../../src/commands/progress.js';
import { progressSeries } from '../../src/domain/progress-series.js';
import type { Exercise, Session } from '../../src/domain/types.js';
import { chartPointsFor, renderProgressAsJson, renderProgressAsText, stretch } from '../../src/io/render-progress.js';
import { createStyle } from '../../src/io/style.js';
import { visibleWidth } from '../../src/io/terminal-text.js';
import { settings } from '../db/fixtures.js';

const squat: Exercise = { id: 1, name: 'Goblet squat', aliases: ['squat'], archived: false, settings: settings() };

/** `count` sessions, two days apart from 2 March 2026, the load rising from 20 kg by `step` a session. */
function sessions(count: number, step = 0.5): Session[] {
  return Array.from({ length: count }, (_, index) => ({
    date: new Date(Date.UTC(2026, 2, 2 + index * 2)).toISOString().slice(0, 10),
    sets: [{ reps: 10, seconds: null, load: { kind: 'external', value: 20 + index * step, unit: 'kg' }, rpe: null, pain: null }],
  }));
}

function report(count: number, chartColumns?: number): { report: ProgressReport; context: Parameters<typeof renderProgressAsText>[1] } {
  const context = { today: '2026-11-24', displayUnits: undefined, style: createStyle(false), chartColumns };
  const logged = sessions(count);
  const series = progressSeries({ metric: 'load', measure: 'reps', sessions: logged, unit: 'kg', maxPoints: chartPointsFor(context), bodyweights: [] });
  return { report: { exercise: squat, since: null, until: '2026-11-24', loggedSessions: count, series, milestones: [] }, context };
}

describe('stretch: the points spread evenly over the plot, joined by straight lines', () => {
  it.each<[string, number[], number, number[], number[]]>([
    ['two points over five columns', [0, 4], 5, [0, 1, 2, 3, 4], [0, 4]],
    ['three points over five columns', [0, 4, 0], 5, [0, 2, 4, 2, 0], [0, 2, 4]],
    ['as many points as columns: as they are', [1, 2, 3], 3, [1, 2, 3], [0, 1, 2]],
    ['one point stays one column', [7], 40, [7], [0]],
  ])('%s', (_rule, values, columns, stretched, columnOfPoint) => {
    expect(stretch(values, columns)).toEqual({ stretched, columnOfPoint });
  });
});

describe('the chart fits the width', () => {
  it.each<[string, number | undefined, number]>([
    ['80 columns by default (a pipe without $COLUMNS)', undefined, 80],
    ['a wide terminal', 132, 132],
    ['a narrow one', 50, 50],
  ])('%s', (_rule, columns, width) => {
    for (const count of [1, 2, 12, 40, 200]) {
      const { report: r, context } = report(count, columns);
      const lines = renderProgressAsText(r, context, plot).split('\n');
      const chartLines = lines.filter((line) => /[┤┼]/.test(line));
      expect(chartLines.length, `${count} sessions`).toBeGreaterThan(0);
      for (const line of chartLines) expect(visibleWidth(line), `${count} sessions: ${line}`).toBeLessThan(width);
      // The plot uses the width: its widest line reaches within a few columns of it.
      if (count > 1) expect(Math.max(...chartLines.map(visibleWidth)), `${count} sessions`).toBeGreaterThan(width - 6);
    }
  });

  it('more sessions than columns: one point per week, and it says so', () => {
    const { report: r, context } = report(100, 50);
    expect(r.series.bucket).toBe('week');
    expect(renderProgressAsText(r, context, plot)).toMatch(/One point per week \(the best of its sessions\): 100 sessions are more than the 36 points/);
  });
});

describe('the words under the chart', () => {
  it('start → now with the change and the span, the best set, and the first and last day under the plot', () => {
    const { report: r, context } = report(12);
    const text = renderProgressAsText(r, context, plot);
    expect(text).toContain('Goblet squat: heaviest load per session, in kg');
    expect(text).toContain('20 kg → 25.5 kg (+5.5 kg, +28 %) in 3 weeks, 12 sessions.');
    expect(text).toContain('Best set: 25.5 kg × 10 on Tue 24 Mar.');
    expect(text).toMatch(/^ +Mon 2 Mar +Tue 24 Mar$/m);
  });

  it('no colour codes unless the style has colour; with colour the line is green when it went up', () => {
    const { report: r, context } = report(12);
    expect(renderProgressAsText(r, context, plot)).not.toContain('\u001b[');
    expect(renderProgressAsText(r, { ...context, style: createStyle(true) }, plot)).toContain('\u001b[32m');
  });

  it('no sessions: says so, and how to log one', () => {
    const { report: r, context } = report(0);
    expect(renderProgressAsText(r, context, plot)).toContain('No sessions of Goblet squat. Record one with `rehab log goblet squat …`.');
  });
});

describe('--format json', () => {
  it('the series and its summary, in the documented shape', () => {
    const { report: r } = report(3);
    expect(JSON.parse(renderProgressAsJson(r, undefined))).toEqual({
      exercise: 'Goblet squat',
      metric: 'load',
      unit: 'kg',
      bucket: 'session',
      since: null,
      until: '2026-11-24',
      sessions: 3,
      points: [
        { date: '2026-03-02', value: 20 },
        { date: '2026-03-04', value: 20.5 },
        { date: '2026-03-06', value: 21 },
      ],
      start: { date: '2026-03-02', value: 20 },
      now: { date: '2026-03-06', value: 21 },
      change: { value: 1, percent: 5, days: 4 },
      best: { date: '2026-03-06', value: 21, set: { load: 21, unit: 'kg', bodyweight: false, loadText: '21 kg', reps: 10, seconds: null } },
      milestones: [],
    });
  });
});
