// `rehab import`'s report as text for people and JSON for machines, from the same data.
import { describeLayout, type ImportReport } from '../commands/import.js';
import { SKIP_REASON_NAMES, type SkipReason } from './importers/types.js';

/** Invalid rows listed in the text report; JSON lists them all. */
const INVALID_ROWS_SHOWN = 20;

const HOW: Record<ImportReport['exercises'][number]['names'][number]['how'], string> = {
  map: '--map',
  remembered: 'remembered from an earlier import',
  name: 'same name',
  new: 'new exercise',
  chosen: 'chosen',
  skip: 'skipped',
};

export function renderImportAsText(report: ImportReport): string {
  const would = report.dryRun;
  const lines: string[] = [];
  lines.push(
    `${would ? 'Dry run of' : 'Imported'} ${report.file}: ${describeLayout(report.layout)}${report.delimiter === ';' ? ', separated by semicolons' : ''}, ${count(report.rows, 'row')}.`,
  );
  if (report.added === 0) {
    const all = report.sets === 0 ? 'no row is a set to import' : `${report.sets === 1 ? 'its 1 set was' : `all ${report.sets} sets were`} already in the log`;
    lines.push(`  ${would ? 'Would add' : 'Added'} nothing: ${all}.`);
  } else {
    const already = report.alreadyInLog > 0 ? `; ${count(report.alreadyInLog, 'set')} ${report.alreadyInLog === 1 ? 'was' : 'were'} already in the log` : '';
    lines.push(`  ${would ? 'Would add' : 'Added'} ${count(report.added, 'set')} in ${count(report.sessions, 'session')}${already}.`);
  }

  const skipped = (Object.keys(report.skipped) as SkipReason[]).filter((reason) => report.skipped[reason] > 0);
  if (skipped.length > 0) {
    const total = skipped.reduce((sum, reason) => sum + report.skipped[reason], 0);
    lines.push(`  Skipped ${count(total, 'row')}: ${skipped.map((reason) => `${report.skipped[reason]} ${SKIP_REASON_NAMES[reason]}`).join(', ')}.`);
  }
  if (report.invalid.length > 0) {
    lines.push(`  ${report.blockedByInvalid ? 'Found' : 'Left out'} ${count(report.invalid.length, 'invalid row')}:`);
    for (const problem of report.invalid.slice(0, INVALID_ROWS_SHOWN)) lines.push(`    line ${problem.line}: ${problem.reason}`);
    if (report.invalid.length > INVALID_ROWS_SHOWN) lines.push(`    and ${report.invalid.length - INVALID_ROWS_SHOWN} more (--format json lists them all)`);
    if (report.blockedByInvalid) lines.push('  Without --skip-invalid a real import would write nothing.');
  }
  if (report.unit?.assumed) {
    const other = report.unit.unit === 'kg' ? 'lb' : 'kg';
    lines.push(
      `  The file gives no unit for ${count(report.unit.rows, 'weight')}: ${would ? 'they would be read' : 'they were read'} as ${report.unit.unit} (your log's unit).` +
        ` If they are ${other}, ${would ? 'import' : 'run `rehab undo` and import again'} with --unit ${other}.`,
    );
  }

  if (report.exercises.length > 0) {
    lines.push('', 'Exercises:');
    const width = Math.max(...report.exercises.map((entry) => entry.exercise.length));
    const addedWidth = Math.max(...report.exercises.map((entry) => String(entry.added).length));
    for (const entry of report.exercises) {
      const from = entry.names.map((name) => (name.name === entry.exercise ? `(${HOW[name.how]})` : `← "${name.name}" (${HOW[name.how]})`)).join(', ');
      const present = entry.sets - entry.added;
      lines.push(
        `  ${entry.exercise.padEnd(width)}  ${String(entry.added).padStart(addedWidth)} ${would ? 'to add' : 'added'}${present > 0 ? `, ${present} already there` : ''}  ${from}`,
      );
    }
  }
  if (report.skippedExercises.length > 0) {
    const rows = report.skippedExercises.reduce((sum, skipped) => sum + skipped.rows, 0);
    const names = report.skippedExercises.map((skipped) => `"${skipped.name}" (${count(skipped.rows, 'row')})`);
    lines.push('', `Skipped as you chose, ${count(rows, 'row')}: ${names.join(', ')}.`);
  }
  if (would) lines.push('', 'Nothing was written (--dry-run).');
  return lines.join('\n');
}

/** The report as one JSON object (the README documents its shape). */
export function renderImportAsJson(report: ImportReport): string {
  return JSON.stringify(
    {
      file: report.file,
      format: report.format,
      layout: report.layout.id,
      layoutDescription: report.layout.description,
      dryRun: report.dryRun,
      rows: report.rows,
      sets: report.sets,
      added: report.added,
      alreadyInLog: report.alreadyInLog,
      sessions: report.sessions,
      skipped: report.skipped,
      invalid: report.invalid,
      unit: report.unit,
      exercises: report.exercises,
      skippedExercises: report.skippedExercises,
    },
    null,
    2,
  );
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
