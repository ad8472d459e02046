// The questions `rehab edit` asks on a terminal when it is given no change: which of the set's
// values to change (each shown as it is now), then each new value, typed over the current one.
// Every answer is checked, as it is typed, by the same parsing as the option it stands for.
import type { Measure } from '../domain/types.js';
import { formatLoad } from '../domain/units.js';
import type { RunContext } from '../commands/context.js';
import { formatDay, showLoad } from './format.js';
import { validateWith, type Prompter } from './prompts.js';
import type { ShownSet } from './render-corrections.js';

/** The values `rehab edit` can change, named as its options are. */
export type EditField = 'load' | 'scheme' | 'rpe' | 'pain' | 'date' | 'note';

/** The answers as typed, one per value picked, as the options would carry them (`none` clears RPE or pain, '' the note). */
export type EditAnswers = Partial<Record<EditField, string>>;

type Context = Pick<RunContext, 'today' | 'displayUnits'>;

interface Question {
  field: EditField;
  /** The checkbox line: what the value is and what it is now. */
  label: string;
  /** The question for the new value. */
  message: string;
  /** The value now, written as it would be typed (a load as logged, whatever `--units` shows). */
  now: string;
}

/**
 * Asks which of `set`'s values to change, then each new one; `check` throws a usage error for
 * an answer its option would refuse (its message is shown under the answer until it is put right).
 */
export async function askEdit(
  prompter: Prompter,
  set: ShownSet,
  measure: Measure,
  check: (field: EditField, text: string) => void,
  context: Context,
): Promise<EditAnswers> {
  const questions = questionsFor(set, measure, context);
  const picked = await prompter.checkbox<EditField>({
    message: 'Change which values?',
    choices: questions.map((question) => ({ name: question.label, value: question.field })),
    required: true,
  });
  const answers: EditAnswers = {};
  for (const question of questions.filter((q) => picked.includes(q.field))) {
    answers[question.field] = await prompter.input({
      message: question.message,
      default: question.now,
      // The current value in the line, to edit rather than type again; emptied, it is empty.
      prefill: 'editable',
      validate: validateWith((text) => check(question.field, text)),
    });
  }
  return answers;
}

function questionsFor(set: ShownSet, measure: Measure, context: Context): Question[] {
  const count = measure === 'seconds' ? { label: 'Seconds', now: `${set.seconds ?? ''}s` } : { label: 'Reps', now: `${set.reps ?? ''}` };
  const optional = (value: number | null) => (value === null ? 'none' : String(value));
  const rows: Array<Omit<Question, 'label'> & { name: string; shown: string }> = [
    { field: 'load', name: 'Load', shown: showLoad(set.load, context.displayUnits), message: 'Load (25kg, 55lb, bw, bw+10kg)', now: formatLoad(set.load) },
    { field: 'scheme', name: count.label, shown: count.now, message: measure === 'seconds' ? 'Seconds held (30s)' : 'Reps (10, or 10@8 with the RPE)', now: count.now },
    { field: 'rpe', name: 'RPE', shown: optional(set.rpe), message: 'RPE, 1–10 (none to clear it)', now: optional(set.rpe) },
    { field: 'pain', name: 'Pain', shown: optional(set.pain), message: 'Pain during the exercise, 0–10 (none to clear it)', now: optional(set.pain) },
    { field: 'date', name: 'Date', shown: formatDay(set.date, context.today), message: 'Date (today, yesterday, -3d, a weekday, YYYY-MM-DD)', now: set.date },
    { field: 'note', name: 'Note', shown: set.note === null || set.note === '' ? 'none' : `“${set.note}”`, message: 'Note (empty to clear it)', now: set.note ?? '' },
  ];
  const width = Math.max(...rows.map((row) => row.name.length));
  return rows.map(({ name, shown, ...question }) => ({ ...question, label: `${name.padEnd(width)}  ${shown}` }));
}
