import { BodyweightRepository } from '../db/bodyweight-repository.js';
import { parseLoad } from '../domain/log-grammar.js';
import type { Load, Unit } from '../domain/types.js';
import { convert, toKg } from '../domain/units.js';
import { RehabError, usageError } from '../errors.js';
import { formatDay, showLoad } from '../io/format.js';
import { terminalPrompter, validateWith, type Prompter } from '../io/prompts.js';
import type { RunContext } from './context.js';
import { sayNoticesBeforeAsking, withLog } from './open-log.js';
import type { CommandOutput } from './output.js';

export interface BodyweightOptions {
  /** Already parsed and checked not to be in the future. */
  date?: string;
}

/** [design] A body weight outside this range is a typo (a missing or extra digit), not a person. */
const BODYWEIGHT_RANGE_KG = { min: 20, max: 400 };

const EXAMPLE = 'Give it in kg or lb, as in `rehab bodyweight 82.5kg` or `rehab bodyweight 180lb`.';

/**
 * `rehab bodyweight <load>`: records a body weight, for body-weight milestones and `bw` totals.
 * Without the weight it asks for it on a terminal; elsewhere that is a usage error.
 */
export async function bodyweightCommand(
  words: string[],
  options: BodyweightOptions,
  context: RunContext,
  prompter: Prompter = terminalPrompter(),
): Promise<CommandOutput> {
  const typed = words.join(' ').trim();
  if (typed === '' && !context.stdinIsTTY) {
    throw usageError('Missing the body weight.', `${EXAMPLE} On a terminal, \`rehab bodyweight\` alone asks for it.`);
  }
  return withLog(context, async (log) => {
    let text = typed;
    if (text === '') {
      sayNoticesBeforeAsking(log, prompter);
      text = await prompter.input({
        message: `Body weight (82.5kg, 180lb, or a number in ${log.units})`,
        validate: validateWith((answer) => parseBodyweight(answer, log.units)),
      });
    }
    // Everything is checked before anything is written.
    const load = parseBodyweight(text, log.units);
    const date = options.date ?? context.today;
    const repository = log.repository(BodyweightRepository);
    const before = repository.latestOnOrBefore(date);
    repository.record({ date, value: load.value, unit: load.unit, now: context.now });

    const line = `Body weight ${showLoad(load, context.displayUnits)} on ${formatDay(date, context.today)}.`;
    const notes = [...log.notices];
    if (before !== undefined && before.date !== date) {
      const change = convert(load.value, load.unit, before.load.unit) - before.load.value;
      const rounded = Math.round(change * 10) / 10;
      const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '±';
      notes.push(`${sign}${Math.abs(rounded)} ${before.load.unit} since ${showLoad(before.load, undefined)} on ${formatDay(before.date, context.today)}.`);
    }
    return { stdout: line, stderr: notes.join('\n') };
  });
}

/**
 * A body weight as typed (`82.5kg`, `82.5 kg`, `180lb`, a bare number in the log's units), never
 * `bw`, and within 20–400 kg; else a usage error that says what would be right. `rehab init` asks
 * with it too.
 */
export function parseBodyweight(text: string, units: Unit): Extract<Load, { kind: 'external' }> {
  const load = parseWeight(text, units);
  const kg = toKg(load.value, load.unit);
  if (kg < BODYWEIGHT_RANGE_KG.min || kg > BODYWEIGHT_RANGE_KG.max) {
    throw usageError(`Body weight "${text}" is outside ${rangeIn(load.unit)}.`, 'Check the number and the unit.');
  }
  return load;
}

/** A weight as `rehab log` reads loads (`82.5kg`, `82.5 kg`, `180lb`, a bare number in the log's units), never `bw`. */
function parseWeight(text: string, units: Unit): Extract<Load, { kind: 'external' }> {
  if (/^(?:bw|bodyweight)\b/i.test(text)) throw usageError(`"${text}" is a load relative to body weight, not a body weight.`, EXAMPLE);
  let load: Load;
  try {
    load = parseLoad(text, units);
  } catch (error) {
    // parseLoad's messages speak of a load and suggest `bw`; say body weight and give the right example.
    if (error instanceof RehabError) throw usageError(error.message.replace(/^Load\b/, 'Body weight'), EXAMPLE);
    throw error;
  }
  if (load.kind !== 'external') throw usageError(`"${text}" is a load relative to body weight, not a body weight.`, EXAMPLE);
  return load;
}

function rangeIn(unit: Unit): string {
  const { min, max } = BODYWEIGHT_RANGE_KG;
  return unit === 'kg' ? `${min}–${max} kg` : `${Math.round(convert(min, 'kg', 'lb'))}–${Math.round(convert(max, 'kg', 'lb'))} lb`;
}
