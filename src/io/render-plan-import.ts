// What `rehab plan import` did (or, with --dry-run, would do), one line an exercise.
import type { PlanChanges } from '../domain/plan-changes.js';
import { renderChanges } from './render-exercises.js';

/** `Imported plan.json: 1 added, 2 changed, 1 archived, 3 unchanged.` and a line for each change. */
export function renderPlanImport(changes: PlanChanges, source: string, dryRun: boolean): string {
  const archived = changes.leftOut.filter((item) => !item.exercise.archived).length;
  const counts = [
    `${changes.added.length} added`,
    `${changes.changed.length} changed`,
    `${archived} archived`,
    `${changes.unchanged.length} unchanged`,
  ].join(', ');
  const lines = [dryRun ? `Checked ${source} (dry run, nothing written): it would make ${counts}.` : `Imported ${source}: ${counts}.`];
  if (changes.units) lines.push(`  units: ${changes.units.before} → ${changes.units.after} (what a bare number means in \`rehab log\`)`);
  for (const entry of changes.added) lines.push(`  + ${entry.name}${entry.archived ? ' (archived)' : ''}`);
  for (const item of changes.changed) {
    lines.push(`  ~ ${item.exercise.name}`);
    lines.push(...renderChanges(item.changes, '      '));
  }
  for (const item of changes.leftOut) {
    const archiving = !item.exercise.archived;
    lines.push(`  - ${item.exercise.name}: ${archiving ? 'archived, as the plan leaves it out (its history is kept)' : 'left out of the plan (already archived)'}`);
    const moved = item.changes.filter((change) => change.path === 'aliases');
    if (moved.length > 0) lines.push(...renderChanges(moved, '      '));
  }
  return lines.join('\n');
}
