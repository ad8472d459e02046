// Milestones as text for people and JSON for machines, for `rehab milestones` and `rehab next`.
import type { RunContext } from '../commands/context.js';
import { MILESTONE_SOURCE_NOTES, type ExerciseChange, type Milestone, type MilestoneDetails, type SessionSnapshot } from '../domain/milestones.js';
import type { Load, Unit } from '../domain/types.js';
import { amountOf, fromKg, loadIn } from '../domain/units.js';
import { formatDay, isoDay, showLoad } from './format.js';
import { formatDayRelative } from './relative-day.js';
import { explainedOnce } from './source-notes.js';
import { fitWidth, wrapText } from './terminal-text.js';

type TextContext = Pick<RunContext, 'today' | 'displayUnits' | 'style' | 'terminalColumns'>;

const ACK_HINT = 'Seen it? `rehab milestones --ack ID` stops showing it.';

/** `rehab milestones`: grouped as reached, due and upcoming. */
export function renderMilestonesAsText(milestones: readonly Milestone[], date: string, context: TextContext): string {
  const { style } = context;
  const lines = [style.bold(`Milestones, as of ${formatDay(date, context.today)}`)];
  if (milestones.length === 0) {
    lines.push('', 'None to show. Log sessions with `rehab log`; `rehab milestones --all` lists acknowledged ones too.');
    return lines.join('\n');
  }
  const explained = new Set<string>();
  const groups: Array<[string, Milestone['status']]> = [
    ['Reached', 'reached'],
    ['Due', 'due'],
    ['Upcoming', 'upcoming'],
  ];
  for (const [heading, status] of groups) {
    const group = milestones.filter((m) => m.status === status);
    if (group.length === 0) continue;
    lines.push('', style.bold(heading));
    for (const milestone of group) lines.push(...milestoneLines(milestone, context, explained, '  '));
  }
  if (milestones.some((m) => m.status !== 'upcoming' && m.acknowledgedAt === null)) lines.push('', ACK_HINT);
  return lines.join('\n');
}

/** The "Milestones" block after the prescriptions of `rehab next`; empty when there is none to show. */
export function renderMilestonesBlock(milestones: readonly Milestone[], context: TextContext): string[] {
  if (milestones.length === 0) return [];
  const lines = ['', context.style.bold('Milestones')];
  const explained = new Set<string>();
  for (const milestone of milestones) lines.push(...milestoneLines(milestone, context, explained, '  ', milestone.status === 'upcoming' ? 'next' : milestone.status));
  if (milestones.some((m) => m.status !== 'upcoming')) lines.push(context.style.dim(`  ${ACK_HINT}`));
  return lines;
}

/**
 * One milestone: a headline with its date and id, then its message and, for a review, one line per
 * exercise. A source an earlier milestone of the list explained (`explained`) is named, not explained again.
 */
function milestoneLines(milestone: Milestone, context: TextContext, explained: Set<string>, indent: string, label?: string): string[] {
  const { style } = context;
  const when = milestone.date === null ? 'not dated yet' : formatDayRelative(milestone.date, context.today);
  const lead = label === undefined ? when : `${label} ${when}`;
  const acknowledged = milestone.acknowledgedAt === null ? '' : style.dim(` (acknowledged ${formatDay(isoDay(new Date(milestone.acknowledgedAt)), context.today)})`);
  const body = `${indent}    `;
  // On a terminal the lines wrap at its width, under the message; in a pipe each stays one line.
  const width = fitWidth(context);
  // Titles and messages come from the domain already in the unit of --units.
  const lines = wrapText(`${lead}  ${style.bold(milestone.title)}  ${style.dim(`[${milestone.id}]`)}${acknowledged}`, width, indent, body);
  for (const line of wrapText(explainedOnce(milestone.message, MILESTONE_SOURCE_NOTES, explained), width, body)) lines.push(style.dim(line));
  if ('exercises' in milestone.details) {
    for (const change of milestone.details.exercises) {
      for (const line of wrapText(changeLine(change, context), width, body, `${body}  `)) lines.push(style.dim(line));
    }
  }
  return lines;
}

/** `Goblet squat: bodyweight × 8, 8, 8 (Mon 2 Mar) → 12 kg × 12, 12, 11 (Mon 13 Apr): +12 kg, e1RM +50 %`. */
function changeLine(change: ExerciseChange, context: TextContext): string {
  const parts: string[] = [];
  if (change.externalKgChange !== 0) {
    const unit = context.displayUnits ?? 'kg';
    const amount = Math.abs(Math.round(fromKg(change.externalKgChange, unit) * 10) / 10);
    parts.push(`${change.externalKgChange > 0 ? '+' : '−'}${amount} ${unit}`);
  }
  if (change.e1rmChangePercent !== null) parts.push(`e1RM ${change.e1rmChangePercent >= 0 ? '+' : '−'}${Math.abs(change.e1rmChangePercent)} %`);
  const delta = parts.length > 0 ? `: ${parts.join(', ')}` : '';
  return `${change.exercise}: ${snapshotText(change.start, context)} → ${snapshotText(change.latest, context)}${delta}`;
}

function snapshotText(snapshot: SessionSnapshot, context: TextContext): string {
  const unit = snapshot.measure === 'seconds' ? ' s' : '';
  return `${showLoad(snapshot.load, context.displayUnits)} × ${snapshot.values.join(', ')}${unit} (${formatDay(snapshot.date, context.today)})`;
}

/** `rehab milestones --format json`: `{ date, milestones: [...] }`. */
export function renderMilestonesAsJson(milestones: readonly Milestone[], date: string, displayUnits?: Unit): string {
  return JSON.stringify({ date, milestones: milestones.map((m) => milestoneAsJson(m, displayUnits)) }, null, 2);
}

/** One milestone as JSON, the same in `rehab milestones` and `rehab next`. */
export function milestoneAsJson(milestone: Milestone, displayUnits?: Unit) {
  return {
    id: milestone.id,
    kind: milestone.kind,
    exercise: milestone.exercise ?? null,
    status: milestone.status,
    date: milestone.date,
    title: milestone.title,
    message: milestone.message,
    acknowledged: milestone.acknowledgedAt !== null,
    acknowledgedAt: milestone.acknowledgedAt,
    details: detailsAsJson(milestone.details, displayUnits),
  };
}

function detailsAsJson(details: MilestoneDetails, displayUnits?: Unit) {
  if ('metric' in details && details.metric === 'load') {
    return {
      metric: 'load',
      targetKg: round(details.targetKg),
      best: details.best && { ...loadAsJson(details.best.load, displayUnits), kg: round(details.best.kg), date: details.best.date },
      ...(details.ratio === undefined ? {} : { ratio: details.ratio }),
      ...(details.bodyweight === undefined
        ? {}
        : { bodyweight: { ...loadAsJson(details.bodyweight.load, displayUnits), date: details.bodyweight.date } }),
    };
  }
  if ('metric' in details && details.metric === 'e1rm') {
    return {
      metric: 'e1rm',
      percentOfStart: details.percentOfStart,
      targetKg: round(details.targetKg),
      start: { kg: round(details.start.kg), date: details.start.date },
      best: details.best && { kg: round(details.best.kg), date: details.best.date },
    };
  }
  if ('exercises' in details) {
    return {
      firstSession: details.firstSession,
      exercises: details.exercises.map((change) => ({
        exercise: change.exercise,
        start: snapshotAsJson(change.start, displayUnits),
        latest: snapshotAsJson(change.latest, displayUnits),
        externalKgChange: round(change.externalKgChange),
        e1rmChangePercent: change.e1rmChangePercent,
      })),
    };
  }
  return details;
}

function snapshotAsJson(snapshot: SessionSnapshot, displayUnits?: Unit) {
  return {
    date: snapshot.date,
    ...loadAsJson(snapshot.load, displayUnits),
    externalKg: round(snapshot.externalKg),
    measure: snapshot.measure,
    [snapshot.measure]: snapshot.values,
    e1rmKg: snapshot.e1rmKg === null ? null : round(snapshot.e1rmKg),
  };
}

/** A load as in `rehab next` and `rehab history` JSON: `{ load, unit, bodyweight, loadText }`. */
function loadAsJson(load: Load, displayUnits?: Unit) {
  const shown = displayUnits ? loadIn(load, displayUnits) : load;
  return { load: amountOf(shown), unit: shown.unit, bodyweight: shown.kind === 'bodyweight', loadText: showLoad(shown, undefined) };
}

/** kg to two decimals: 45 lb is 20.41 kg, not 20.41165665. */
function round(kg: number): number {
  return Math.round(kg * 100) / 100;
}
