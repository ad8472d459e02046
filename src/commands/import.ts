import { ImportRepository, type ImportOutcome } from '../db/import-repository.js';
import { normaliseName } from '../domain/exercise-names.js';
import type { Unit } from '../domain/types.js';
import { usageError } from '../errors.js';
import { planSessions } from '../io/importers/plan.js';
import { readImportFile, type ReadResult } from '../io/importers/read-input.js';
import { UnitSource } from '../io/importers/reader-options.js';
import { openImportSource } from '../io/importers/source.js';
import { FORMAT_NAMES, type FormatChoice, type ImportFormat, type Layout, type RowProblem, type SkipReason } from '../io/importers/types.js';
import { terminalPrompter, validateWith, type Prompter } from '../io/prompts.js';
import { renderImportAsJson, renderImportAsText } from '../io/render-import.js';
import type { RunContext } from './context.js';
import { createNewExercises, foreignNames, resolveNames, type ForeignName, type NameMapping, type NameResolution, type UnknownNameResolver } from './import-names.js';
import { askAboutUnknownNames } from './import-prompt.js';
import { withLog, type RehabLog } from './open-log.js';
import type { CommandOutput, OutputFormat } from './output.js';

export interface ImportOptions {
  from: FormatChoice;
  /** The unit of weights the file gives without one (Strong's layout 2). */
  unit?: Unit;
  /** `--map`, in the order given; absent when there is none. */
  map?: NameMapping[];
  dryRun?: boolean;
  skipInvalid?: boolean;
  format: OutputFormat;
}

/** What one import did (or, with --dry-run, would do), as data; the renderers turn it into output. */
export interface ImportReport {
  file: string;
  format: ImportFormat;
  layout: Layout;
  container: ReadResult['container'];
  delimiter: string | null;
  dryRun: boolean;
  /** Data rows in the file. */
  rows: number;
  /** Rows that are sets (not skipped, not invalid). */
  sets: number;
  added: number;
  /** Sets whose id the log already had: a second import of the same file adds nothing. */
  alreadyInLog: number;
  sessions: number;
  skipped: Record<SkipReason, number>;
  invalid: RowProblem[];
  /** Only with --dry-run: invalid rows and no --skip-invalid, so a real import would write nothing. */
  blockedByInvalid: boolean;
  /** Weights read without a unit: the unit used, and whether it was assumed (no --unit). */
  unit: { unit: Unit; assumed: boolean; rows: number } | null;
  exercises: ImportedExerciseReport[];
  /** The file's names whose rows were skipped, as chosen at the terminal prompt, with their row counts. */
  skippedExercises: Array<{ name: string; rows: number }>;
}

/** One rehab exercise the import put sets into (or would create). */
export interface ImportedExerciseReport {
  exercise: string;
  created: boolean;
  /** The file's names that were mapped to it, and how. */
  names: Array<{ name: string; how: NameResolution['how'] }>;
  sets: number;
  added: number;
}

/** What the transaction wrote (or, with --dry-run, would have): the sets, and each name's exercise. */
interface Written {
  outcome: ImportOutcome;
  /** `ForeignName.key` → exercise id. */
  exerciseIds: Map<string, number>;
  /** Exercises the import created. */
  createdIds: Set<number>;
}

/** Thrown inside the transaction by --dry-run, so that everything is rolled back. */
class DryRunRollback {
  constructor(readonly written: Written) {}
}

/**
 * `rehab import`: reads a rehab export or another app's, maps its exercise names, and stores its
 * sets in one transaction under one batch that `rehab undo` removes. See src/io/importers/.
 * `resolveUnknown` decides about names the log does not know: by default, on a terminal (and not
 * for --dry-run) it asks about each; otherwise each becomes a new exercise. Without the file it
 * asks for it on a terminal; elsewhere that is a usage error.
 */
export async function importCommand(
  given: string | undefined,
  options: ImportOptions,
  context: RunContext,
  resolveUnknown: UnknownNameResolver = context.stdinIsTTY && !options.dryRun ? askAboutUnknownNames() : createNewExercises,
  prompter: Prompter = terminalPrompter(),
): Promise<CommandOutput> {
  const file = given ?? (await askForFile(context, prompter));
  // The file is checked before the log is opened: a typo in its name touches nothing.
  const source = openImportSource(file, process.stdin, context.stdinIsTTY);
  try {
    return await withLog(context, async (log) => {
      const units = new UnitSource(options.unit, log.units);
      const read = await readImportFile(source, { from: options.from, units });
      source.close();
      // Every check comes before the first write: an invalid row, a bad --map, an unknown name.
      if (read.invalid.length > 0 && !options.skipInvalid && !options.dryRun) throw invalidRowsError(source.name, read);
      const names = foreignNames(read.sets);
      const resolutions = await resolveNames(log, read.layout.format, names, options.map ?? [], resolveUnknown);

      let written: Written;
      try {
        written = log.transaction(() => {
          const result = write(log, read, names, resolutions, source.name, context.now);
          if (options.dryRun) throw new DryRunRollback(result);
          return result;
        });
      } catch (error) {
        if (!(error instanceof DryRunRollback)) throw error;
        written = error.written;
      }

      const report = buildReport(source.name, read, units, options, names, resolutions, written, log.exercises.list({ includeArchived: true }));
      const stdout = options.format === 'json' ? renderImportAsJson(report) : renderImportAsText(report);
      const notices = [...log.notices];
      if (options.unit !== undefined && !units.consulted) {
        notices.push(`--unit ${options.unit} was not needed: ${source.name} gives the unit of every weight.`);
      }
      return { stdout, stderr: notices.join('\n') };
    });
  } finally {
    source.close();
  }
}

/** New exercises, then the names remembered, then the sets (call inside a transaction). */
function write(log: RehabLog, read: ReadResult, names: ForeignName[], resolutions: Map<string, NameResolution>, fileName: string, now: string): Written {
  const imports = log.repository(ImportRepository);
  const format = read.layout.format;
  const exerciseIds = new Map<string, number>();
  const createdByName = new Map<string, number>();
  for (const name of names) {
    const resolution = resolutions.get(name.key)!;
    let id: number;
    if (resolution.how === 'skip') continue;
    if (resolution.how === 'new') {
      // A prompt may name one new exercise for two of the file's names.
      const key = normaliseName(resolution.name);
      id = createdByName.get(key) ?? log.exercises.create({ name: resolution.name, aliases: [], settings: resolution.settings }, now).id;
      createdByName.set(key, id);
    } else {
      id = resolution.exercise.id;
    }
    exerciseIds.set(name.key, id);
    imports.remember(format, name.name, id, now);
  }
  // Rows share their name strings, so each spelling is normalised once.
  const idOfSpelling = new Map<string, number>();
  const sets = setsToImport(read.sets, names, resolutions);
  const plan = planSessions(sets, (set) => {
    let id = idOfSpelling.get(set.exerciseName);
    if (id === undefined) {
      id = exerciseIds.get(normaliseName(set.exerciseName))!;
      idOfSpelling.set(set.exerciseName, id);
    }
    return id;
  });
  const outcome = imports.importSets({
    ...plan,
    sets,
    summary: ({ added, sessions }) => `${fileName}, a ${describeLayout(read.layout)}: ${count(added, 'set')} in ${count(sessions, 'session')}`,
    now,
  });
  return { outcome, exerciseIds, createdIds: new Set(createdByName.values()) };
}

/** The file's sets without those of names the user chose to skip (all of them, usually). */
function setsToImport(sets: ReadResult['sets'], names: ForeignName[], resolutions: Map<string, NameResolution>): ReadResult['sets'] {
  const skipped = new Set(names.filter((name) => resolutions.get(name.key)?.how === 'skip').map((name) => name.key));
  return skipped.size === 0 ? sets : sets.filter((set) => !skipped.has(normaliseName(set.exerciseName)));
}

function buildReport(
  file: string,
  read: ReadResult,
  units: UnitSource,
  options: ImportOptions,
  names: ForeignName[],
  resolutions: Map<string, NameResolution>,
  { outcome, exerciseIds, createdIds }: Written,
  exercises: Array<{ id: number; name: string }>,
): ImportReport {
  const exerciseName = new Map(exercises.map((exercise) => [exercise.id, exercise.name]));
  const byExercise = new Map<number, ImportedExerciseReport>();
  const skippedExercises: ImportReport['skippedExercises'] = [];
  for (const name of names) {
    const resolution = resolutions.get(name.key)!;
    if (resolution.how === 'skip') {
      skippedExercises.push({ name: name.name, rows: name.rows.total });
      continue;
    }
    const id = exerciseIds.get(name.key)!;
    let entry = byExercise.get(id);
    if (!entry) {
      // After a dry run the new exercise is gone again: its name comes from the resolution.
      const shownName = exerciseName.get(id) ?? (resolution.how === 'new' ? resolution.name : resolution.exercise.name);
      entry = { exercise: shownName, created: createdIds.has(id), names: [], sets: 0, added: outcome.addedByExercise.get(id) ?? 0 };
      byExercise.set(id, entry);
    }
    entry.names.push({ name: name.name, how: resolution.how });
    entry.sets += name.rows.total;
  }
  const assumption = units.assumption;
  const sets = read.sets.length - skippedExercises.reduce((sum, skipped) => sum + skipped.rows, 0);
  return {
    file,
    format: read.layout.format,
    layout: read.layout,
    container: read.container,
    delimiter: read.delimiter,
    dryRun: Boolean(options.dryRun),
    rows: read.rows,
    sets,
    added: outcome.added,
    alreadyInLog: sets - outcome.added,
    sessions: outcome.sessions,
    skipped: read.skipped,
    invalid: read.invalid,
    blockedByInvalid: Boolean(options.dryRun) && read.invalid.length > 0 && !options.skipInvalid,
    unit: assumption
      ? { unit: assumption.unit, assumed: true, rows: assumption.rows }
      : options.unit !== undefined && units.consulted
        ? { unit: options.unit, assumed: false, rows: units.explicitRows }
        : null,
    exercises: [...byExercise.values()],
    skippedExercises,
  };
}

/** `Strong export (layout 2, no unit column)`, `rehab export (JSONL)`. */
export function describeLayout(layout: Layout): string {
  return `${FORMAT_NAMES[layout.format]} export (${layout.description})`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The one-line refusal when rows are invalid and --skip-invalid was not given. */
function invalidRowsError(name: string, read: ReadResult) {
  const shown = read.invalid.slice(0, 3).map((problem) => `line ${problem.line}: ${problem.reason}`);
  const more = read.invalid.length > 3 ? `; and ${read.invalid.length - 3} more` : '';
  return usageError(
    `${name} has ${count(read.invalid.length, 'invalid row')}, so nothing was imported: ${shown.join('; ')}${more}.`,
    `Fix ${read.invalid.length === 1 ? 'it' : 'them'}, or pass --skip-invalid to import the other rows (--dry-run lists every problem).`,
  );
}

/** The file to import, asked for on a terminal (checked as the typed command checks it); else a usage error. */
async function askForFile(context: RunContext, prompter: Prompter): Promise<string> {
  if (!context.stdinIsTTY) {
    throw usageError(
      'Missing the file to import.',
      'Write it like `rehab import strong_workouts.csv`, or `rehab import - < export.csv`. On a terminal, `rehab import` alone asks for it.',
    );
  }
  const answer = await prompter.input({
    message: 'File to import (a rehab, Strong, Hevy or FitNotes export)',
    validate: validateWith((text) => openImportSource(text.trim(), process.stdin, true).close()),
  });
  return answer.trim();
}
