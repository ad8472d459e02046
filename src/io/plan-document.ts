// The programme as one JSON document (`rehab plan export`, `rehab plan show --format json`):
// every exercise with its aliases, whether it is archived, and all its settings. Building it needs
// no zod; reading one back is src/io/plan-schema.ts.
import type { Exercise, ExerciseSettings, Unit } from '../domain/types.js';

/** The format version written in every plan; a later format gets a new number. */
export const PLAN_FORMAT_VERSION = 1;

/** Where the JSON Schema of plans lives in the repository (and in the installed package). */
export const PLAN_SCHEMA_FILE = 'schema/plan.schema.json';

/** One exercise of a plan. */
export interface PlanExercise {
  name: string;
  aliases: string[];
  archived: boolean;
  settings: ExerciseSettings;
}

/** A whole plan, as exported and as validated on import. */
export interface PlanDocument {
  $schema?: string;
  version: typeof PLAN_FORMAT_VERSION;
  units: Unit;
  exercises: PlanExercise[];
}

/** The plan of a log: its units and every exercise (archived ones too), in the log's order. */
export function buildPlanDocument(exercises: readonly Exercise[], units: Unit, schemaUrl: string | undefined): PlanDocument {
  return {
    ...(schemaUrl === undefined ? {} : { $schema: schemaUrl }),
    version: PLAN_FORMAT_VERSION,
    units,
    exercises: exercises.map((exercise) => ({
      name: exercise.name,
      aliases: [...exercise.aliases],
      archived: exercise.archived,
      settings: structuredClone(exercise.settings),
    })),
  };
}

/** The document as written: two-space JSON with a final newline, so files diff cleanly. */
export function planDocumentText(document: PlanDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
