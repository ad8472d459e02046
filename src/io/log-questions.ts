// The questions `rehab log` asks on a terminal when it is run with no words: which exercise
// (a searchable list), the load and the scheme (the prescription is the default of each) and the
// pain during the session. Every answer is checked by the same parsers as the typed command.
import { normaliseName } from '../domain/exercise-names.js';
import { parseLoad, parseScheme } from '../domain/log-grammar.js';
import { tidyExerciseName } from '../domain/setup-plan.js';
import type { Load, Measure, Prescription, Scheme, Unit } from '../domain/types.js';
import { formatLoad } from '../domain/units.js';
import { usageError } from '../errors.js';
import { matchingExercises, namesOf } from './pick-questions.js';
import { validateWith, type Prompter } from './prompts.js';
import { prescriptionScheme } from './render-next.js';

/** An exercise the list offers, with the prescription its defaults come from. */
export interface LogCandidate {
  name: string;
  aliases: string[];
  prescription: Prescription;
}

/** What the questions found out: enough to log, as if typed. */
export interface LogAnswers {
  /** The exercise's name, or the name of a new one (`isNew`). */
  name: string;
  isNew: boolean;
  load: Load;
  scheme: Scheme;
  /** Undefined when skipped (or not asked, because --pain was given). */
  pain: number | undefined;
}

type ExerciseChoice = { kind: 'existing'; candidate: LogCandidate } | { kind: 'new'; name: string };

/** Asks for a whole session: exercise, load, scheme and (unless `askPain` is false) pain. */
export async function askLogSession(
  prompter: Prompter,
  candidates: readonly LogCandidate[],
  options: { units: Unit; askPain: boolean },
): Promise<LogAnswers> {
  const choice = await prompter.search<ExerciseChoice>({
    message: 'Exercise (type to search)',
    source: (term) => exerciseChoices(candidates, term ?? ''),
    pageSize: 10,
  });
  const prescription = choice.kind === 'existing' ? choice.candidate.prescription : undefined;
  const measure: Measure = prescription?.measure ?? 'reps';

  const loadText = await prompter.input({
    message: 'Load (25kg, 55lb, bw, bw+10kg)',
    default: prescription ? formatLoad(prescription.load) : 'bw',
    validate: validateWith((text) => parseLoad(text, options.units)),
  });
  const schemeText = await prompter.input({
    message: measure === 'seconds' ? 'Sets × seconds (3x30s, 30s,30s,25s)' : 'Sets × reps (3x8, 8,8,6, 3x8@7)',
    default: defaultScheme(prescription),
    validate: validateWith((text) => checkMeasure(parseScheme(text), choice.kind === 'existing' ? measure : undefined)),
  });
  const pain = options.askPain
    ? await prompter.number({
        message: 'Pain during the session, 0–10 (Enter to skip)',
        min: 0,
        max: 10,
        step: 1,
        required: false,
      })
    : undefined;

  return {
    name: choice.kind === 'existing' ? choice.candidate.name : choice.name,
    isNew: choice.kind === 'new',
    load: parseLoad(loadText, options.units),
    scheme: parseScheme(schemeText),
    pain: pain ?? undefined,
  };
}

/**
 * The list for a search term: every exercise whose name or an alias contains it (all of them for
 * no term), else the closest names; and, for a name the log does not have, a new exercise.
 */
export function exerciseChoices(candidates: readonly LogCandidate[], term: string) {
  const wanted = normaliseName(term);
  const shown = matchingExercises(candidates, term);
  const choices: Array<{ name: string; value: ExerciseChoice; description?: string }> = shown.map((candidate) => ({
    name: candidate.name,
    value: { kind: 'existing', candidate },
    description: `Next: ${formatLoad(candidate.prescription.load)} ${prescriptionScheme(candidate.prescription)}, ${candidate.prescription.action}`,
  }));
  const exact = candidates.some((candidate) => namesOf(candidate).includes(wanted));
  if (wanted !== '' && !exact) {
    const name = tidyExerciseName(term);
    choices.push({ name: `New exercise "${name}"`, value: { kind: 'new', name }, description: 'Created with default settings; change them with `rehab exercise set`.' });
  }
  return choices;
}

/** Asks whether to create an exercise the log does not have (the typed `rehab log` on a terminal). */
export async function confirmNewExercise(prompter: Prompter, name: string, suggestions: readonly string[]): Promise<boolean> {
  const closest = suggestions.length > 0 ? ` (did you mean ${suggestions.join(' or ')}?)` : '';
  return prompter.confirm({ message: `No exercise is called "${name}"${closest}. Create it as a new exercise?`, default: false });
}

/** `3x8`, or `3x30s` for a timed hold: what the prescription says, written as one would type it. */
function defaultScheme(prescription: Prescription | undefined): string {
  if (!prescription) return '3x8';
  return `${prescription.sets}x${prescription.target}${prescription.measure === 'seconds' ? 's' : ''}`;
}

function checkMeasure(scheme: Scheme, measure: Measure | undefined): Scheme {
  if (measure === 'seconds' && scheme.kind === 'reps') throw usageError('This exercise is a timed hold.', 'Write the scheme in seconds, like 3x30s.');
  if (measure === 'reps' && scheme.kind === 'seconds') throw usageError('This exercise is counted in reps.', 'Write the scheme like 3x8.');
  return scheme;
}
