// `rehab progress` as a line chart for people (drawn by asciichart, fitted to the terminal) and as
// the series for machines.
import type { PlotConfig } from 'asciichart';
import type { ProgressReport } from '../commands/progress.js';
import type { RunContext } from '../commands/context.js';
import { pointIndexOf, spanInWords, type ProgressSeries } from '../domain/progress-series.js';
import type { Action, Unit } from '../domain/types.js';
import { amountOf, loadIn } from '../domain/units.js';
import { formatDay, showLoad } from './format.js';
import { formatDayRelative } from './relative-day.js';
import { milestoneAsJson } from './render-milestones.js';
import { fitWidth, wrapText } from './terminal-text.js';

type TextContext = Pick<RunContext, 'today' | 'displayUnits' | 'style' | 'terminalColumns' | 'chartColumns'>;
export type Plot = (series: number[], config?: PlotConfig) => string;

/** A chart is drawn this wide when neither the terminal nor $COLUMNS says (a pipe). */
export const DEFAULT_CHART_COLUMNS = 80;
/** [design] Rows of the chart: enough to read a trend, short enough to leave the summary on screen. */
const CHART_HEIGHT = 10;
/** Columns the y-axis labels (`1234.5 kg `) and the axis itself may take at most. */
const AXIS_ALLOWANCE = 13;
/** Never narrower than this, however narrow the terminal. */
const MIN_PLOT_COLUMNS = 10;

/** The width the chart is drawn to. */
function chartWidth(context: Pick<RunContext, 'chartColumns'>): number {
  return context.chartColumns ?? DEFAULT_CHART_COLUMNS;
}

/** How many points fit on the chart: one a column of the plot area. More sessions are grouped by week. */
export function chartPointsFor(context: Pick<RunContext, 'chartColumns'>): number {
  return Math.max(MIN_PLOT_COLUMNS, chartWidth(context) - 1 - AXIS_ALLOWANCE);
}

const METRIC_TITLES: Record<ProgressSeries['metric'], string> = {
  load: 'heaviest load',
  e1rm: 'best estimated 1RM (Epley)',
  volume: 'volume (load × reps)',
};

/** The chart, the dates under it, the milestones on it, then start → now, the best and notes. */
export function renderProgressAsText(report: ProgressReport, context: TextContext, plot: Plot): string {
  const { series, exercise } = report;
  const { style } = context;
  const title = series.metric === 'volume' && series.unit === 's' ? 'time held' : METRIC_TITLES[series.metric];
  const per = series.bucket === 'session' ? 'per session' : `per ${series.bucket}`;
  const lines = [style.bold(`${exercise.name}: ${title} ${per}, in ${series.unit}`)];

  if (series.points.length === 0) {
    lines.push('', emptyMessage(report, context));
    return lines.join('\n');
  }

  const trend = trendAction(series);
  const chart = drawChart(series, chartWidth(context), plot);
  lines.push('', ...chart.rows.map((row) => row.slice(0, chart.plotStart) + style.action(trend, row.slice(chart.plotStart))));
  const numbered = report.milestones.map((milestone, index) => ({ milestone, mark: markOf(index) }));
  const marks = numbered.flatMap(({ milestone, mark }) => {
    const index = milestone.date === null ? null : pointIndexOf(series, milestone.date);
    const column = index === null ? null : chart.columnOf(index);
    return column === null ? [] : [{ mark, column }];
  });
  if (marks.length > 0) lines.push(markerLine(marks));
  lines.push(dateLine(series, chart, context.today));

  const width = fitWidth(context);
  lines.push('', style.action(trend, changeLine(series, context.today)));
  const best = bestLine(series, context);
  if (best !== null) lines.push(best);
  for (const note of notes(report, chartPointsFor(context))) lines.push(...wrapText(note, width, '').map((line) => style.dim(line)));
  if (numbered.length > 0) {
    lines.push('', style.bold('Milestones'));
    for (const { milestone, mark } of numbered) {
      const lead = `  ${mark}  ${formatDayRelative(milestone.date ?? '', context.today)}  `;
      lines.push(...wrapText(milestone.title, width, lead, ' '.repeat(lead.length)));
    }
  }
  return lines.join('\n');
}

/** Why there is nothing to draw. */
function emptyMessage(report: ProgressReport, context: TextContext): string {
  const since = report.since === null ? '' : ` since ${formatDay(report.since, context.today)}`;
  if (report.loggedSessions > 0 && report.series.metric === 'e1rm') {
    return `No set of ${report.exercise.name}${since} gives an estimated 1RM: it needs a set of 10 reps or fewer with a load (timed holds and plain bodyweight give none).`;
  }
  return `No sessions of ${report.exercise.name}${since}. Record one with \`rehab log ${report.exercise.name.toLowerCase()} …\`.`;
}

/** Up is progress (green), flat is a hold (yellow), down is a step back (red): the colours of `rehab next`. */
function trendAction(series: ProgressSeries): Action {
  const change = series.change?.value ?? 0;
  return change > 0 ? 'progress' : change < 0 ? 'regress' : 'hold';
}

interface DrawnChart {
  rows: string[];
  /** Where the plot starts in each row: the axis, after the y-axis labels. */
  plotStart: number;
  /** Where point `index` of the series is drawn, as a column of the rows. */
  columnOf(index: number): number | null;
  /** The first and the last column of the plot. */
  firstColumn: number;
  lastColumn: number;
}

/**
 * Draws the series with asciichart, stretched across the width: the points spread evenly over the
 * plot's columns, joined by straight lines (one point a session, or a week, as the series says).
 */
function drawChart(series: ProgressSeries, width: number, plot: Plot): DrawnChart {
  const values = series.points.map((point) => point.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const decimals = labelDecimals(min, max);
  const label = (value: number) => `${minus(value.toFixed(decimals))} ${series.unit}`;
  const labelWidth = Math.max(label(min).length, label(max).length);
  // asciichart puts the label in one cell and the axis right after it: `  20 kg ┤`.
  const labelCell = labelWidth + 1;
  const columns = Math.max(MIN_PLOT_COLUMNS, width - 1 - labelCell - 1);
  const { stretched, columnOfPoint } = stretch(values, columns);
  const chart = plot(stretched, {
    height: max === min ? 0 : CHART_HEIGHT,
    offset: 2,
    format: (value) => `${label(value).padStart(labelWidth)} `,
  });
  // asciichart marks the row of the value 0 with ┼, which is the top row here; only the first
  // point's row (where the line leaves the axis) keeps it.
  const rows = chart
    .split('\n')
    .map((row) => row.trimEnd())
    .map((row) => (row[labelCell] === '┼' && (row[labelCell + 1] ?? ' ') === ' ' && stretched.length > 1 ? `${row.slice(0, labelCell)}┤${row.slice(labelCell + 1)}` : row));
  // Value i of the stretched series is drawn at column labelCell + i (the first on the axis).
  return {
    rows,
    plotStart: labelCell,
    columnOf: (index) => {
      const column = columnOfPoint[index];
      return column === undefined ? null : labelCell + column;
    },
    firstColumn: labelCell,
    lastColumn: labelCell + stretched.length - 1,
  };
}

/** Whole numbers when the chart's rows step by 1 or more, else one decimal. */
function labelDecimals(min: number, max: number): number {
  if (max === min) return Number.isInteger(min) ? 0 : 1;
  return (max - min) / CHART_HEIGHT >= 1 ? 0 : 1;
}

/**
 * Spreads `values` over `columns` columns, evenly, with straight lines between them; returns the
 * column of each value. One value stays one column.
 */
export function stretch(values: readonly number[], columns: number): { stretched: number[]; columnOfPoint: number[] } {
  if (values.length <= 1 || columns <= values.length) return { stretched: [...values], columnOfPoint: values.map((_, index) => index) };
  const columnOfPoint = values.map((_, index) => Math.round((index * (columns - 1)) / (values.length - 1)));
  const stretched: number[] = [];
  for (let index = 0; index < values.length - 1; index++) {
    const from = columnOfPoint[index] as number;
    const to = columnOfPoint[index + 1] as number;
    const a = values[index] as number;
    const b = values[index + 1] as number;
    for (let column = from; column < to; column++) stretched.push(a + ((b - a) * (column - from)) / (to - from));
  }
  stretched.push(values.at(-1) as number);
  return { stretched, columnOfPoint };
}

/** `1`…`9`, then `a`…`z`: one character each, so marks fit between the chart's columns. */
function markOf(index: number): string {
  return index < 9 ? String(index + 1) : String.fromCharCode(97 + ((index - 9) % 26));
}

/** The milestones' marks under their points; a mark whose column is taken moves right. */
function markerLine(marks: Array<{ mark: string; column: number }>): string {
  const cells: string[] = [];
  for (const { mark, column } of marks) {
    let at = column;
    while (cells[at] !== undefined) at++;
    cells[at] = mark;
  }
  return Array.from({ length: cells.length }, (_, index) => cells[index] ?? ' ').join('').trimEnd();
}

/** The first day under the start of the plot, the last under its end. */
function dateLine(series: ProgressSeries, chart: DrawnChart, today: string): string {
  const first = formatDay(series.start?.date ?? '', today);
  const last = formatDay(series.now?.date ?? '', today);
  const line = ' '.repeat(chart.firstColumn) + first;
  if (series.points.length === 1) return line;
  const lastStart = Math.max(line.length + 2, chart.lastColumn + 1 - last.length);
  return line + ' '.repeat(lastStart - line.length) + last;
}

/** `20 kg → 32 kg (+12 kg, +60 %) in 9 weeks, 27 sessions.` */
function changeLine(series: ProgressSeries, today: string): string {
  const { start, now, change } = series;
  if (start === null || now === null || change === null) return '';
  const amount = (value: number) => `${formatNumber(value)} ${series.unit}`;
  const sessions = `${series.sessions} ${series.sessions === 1 ? 'session' : 'sessions'}`;
  if (series.points.length === 1) return `One ${series.bucket} so far: ${amount(now.value)} on ${formatDayRelative(now.date, today)}.`;
  const sign = change.value > 0 ? '+' : change.value < 0 ? '−' : '±';
  const parts = [`${sign}${amount(Math.abs(change.value))}`];
  if (change.percent !== null) parts.push(`${change.percent > 0 ? '+' : change.percent < 0 ? '−' : '±'}${Math.abs(change.percent)} %`);
  return `${amount(start.value)} → ${amount(now.value)} (${parts.join(', ')}) in ${spanInWords(change.days)}, ${sessions}.`;
}

/** `Best set: 32 kg × 10 on Tue 24 Nov (today).` (e1RM: with the estimate; volume: the best session or week). */
function bestLine(series: ProgressSeries, context: TextContext): string | null {
  const { best } = series;
  if (best === null) return null;
  const when = formatDayRelative(best.date, context.today);
  if (best.set === null) return `Best ${series.bucket}: ${formatNumber(best.value)} ${series.unit} on ${when}.`;
  const count = best.set.reps !== null ? `${best.set.reps}` : `${best.set.seconds ?? 0} s`;
  const set = `${showLoad(best.set.load, context.displayUnits)} × ${count}`;
  const estimate = series.metric === 'e1rm' ? `: estimated 1RM ${formatNumber(best.value)} ${series.unit}` : '';
  return `Best set: ${set} on ${when}${estimate}.`;
}

/** What a reader needs to know to read the chart right: grouping, and how bodyweight sets count. */
function notes(report: ProgressReport, maxPoints: number): string[] {
  const { series } = report;
  const result: string[] = [];
  if (series.bucket !== 'session') {
    const how = series.metric === 'volume' ? 'the sum' : 'the best';
    result.push(`One point per ${series.bucket} (${how} of its sessions): ${series.sessions} sessions are more than the ${maxPoints} points the chart has room for.`);
  }
  if (series.bodyweightSets && series.metric !== 'volume') {
    result.push('Bodyweight sets count the load added: bw + 10 kg as 10 kg, bw − 20 kg (assisted) as −20 kg, plain bodyweight as 0.');
  }
  if (series.bodyweightVolume === 'total') result.push('Bodyweight sets count your body weight (from `rehab bodyweight`) plus the load added.');
  if (series.bodyweightVolume === 'added') {
    result.push(
      series.onlyBodyweightSets
        ? 'Bodyweight sets count only the load added, as your body weight is not known: record it with `rehab bodyweight 80kg` to count it too.'
        : 'Bodyweight sets count only the load added (plain bodyweight as 0), as the sets with a weight count only the weight.',
    );
  }
  return result;
}

/** 32, 22.5, 44.09, −20: at most two decimals, none when whole, a real minus sign. */
function formatNumber(value: number): string {
  return minus(String(Math.round(value * 100) / 100));
}

/** `−20` rather than `-20`, as loads read elsewhere (`bw − 20 kg`). */
function minus(text: string): string {
  return text.replace(/^-/, '−');
}

/**
 * `rehab progress --format json`: `{ exercise, metric, unit, bucket, since, until, sessions,
 * points: [{ date, value }], start, now, change, best, milestones }`.
 */
export function renderProgressAsJson(report: ProgressReport, displayUnits: Unit | undefined): string {
  const { series } = report;
  const best =
    series.best === null
      ? null
      : {
          date: series.best.date,
          value: series.best.value,
          set:
            series.best.set === null
              ? null
              : {
                  ...loadAsJson(series.best.set.load, displayUnits),
                  reps: series.best.set.reps,
                  seconds: series.best.set.seconds,
                },
        };
  return JSON.stringify(
    {
      exercise: report.exercise.name,
      metric: series.metric,
      unit: series.unit,
      bucket: series.bucket,
      since: report.since,
      until: report.until,
      sessions: series.sessions,
      points: series.points,
      start: series.start,
      now: series.now,
      change: series.change,
      best,
      milestones: report.milestones.map((milestone) => milestoneAsJson(milestone, displayUnits)),
    },
    null,
    2,
  );
}

function loadAsJson(load: Parameters<typeof showLoad>[0], displayUnits: Unit | undefined) {
  const shown = displayUnits ? loadIn(load, displayUnits) : load;
  return { load: amountOf(shown), unit: shown.unit, bodyweight: shown.kind === 'bodyweight', loadText: showLoad(shown, undefined) };
}
