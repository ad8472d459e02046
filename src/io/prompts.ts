// The one door to @inquirer/prompts. It is imported (src/io/import-esm.ts) the first time a
// question is actually asked, so no command pays for it at start-up, and a command that never
// asks never loads it (test/e2e/startup-prompts.test.ts checks the bundle). Handlers ask only when stdin is
// a terminal; questions and what is said around them go to stderr, so stdout stays data.
import type * as Inquirer from '@inquirer/prompts';
import { RehabError } from '../errors.js';
import { importEsm } from './import-esm.js';

/**
 * What a handler asks with: the @inquirer/prompts functions it uses, and `say` for a message
 * shown between questions. Ctrl-C at any question rejects with inquirer's ExitPromptError,
 * which `main` reports as a cancel (exit 130).
 */
export interface Prompter {
  say(text: string): void;
  input: typeof Inquirer.input;
  number: typeof Inquirer.number;
  confirm: typeof Inquirer.confirm;
  select: typeof Inquirer.select;
  search: typeof Inquirer.search;
  checkbox: typeof Inquirer.checkbox;
}

type PromptName = 'input' | 'number' | 'confirm' | 'select' | 'search' | 'checkbox';

let loading: Promise<typeof Inquirer> | undefined;

/** @inquirer/prompts, imported once, on first use. */
function loadInquirer(): Promise<typeof Inquirer> {
  loading ??= importEsm<typeof Inquirer>('@inquirer/prompts');
  return loading;
}

/**
 * A prompter on the terminal: questions render on `output` (stderr unless told otherwise), and
 * neither @inquirer/prompts nor the stderr stream is set up until the first question.
 */
export function terminalPrompter(output?: NodeJS.WritableStream): Prompter {
  const lazy = <Name extends PromptName>(name: Name): (typeof Inquirer)[Name] => {
    const ask = async (config: unknown, context: Record<string, unknown> = {}) => {
      const prompts = await loadInquirer();
      const prompt = prompts[name] as (config: unknown, context: unknown) => Promise<unknown>;
      return prompt(config, { output: output ?? process.stderr, ...context });
    };
    return ask as unknown as (typeof Inquirer)[Name];
  };
  return {
    say: (text) => {
      (output ?? process.stderr).write(text.endsWith('\n') ? text : `${text}\n`);
    },
    input: lazy('input'),
    number: lazy('number'),
    confirm: lazy('confirm'),
    select: lazy('select'),
    search: lazy('search'),
    checkbox: lazy('checkbox'),
  };
}

/**
 * A prompt `validate` function from one of rehab's parsers: true when `parse` accepts the text,
 * else its usage message and hint, shown under the question until the answer is right.
 */
export function validateWith(parse: (text: string) => unknown): (text: string) => true | string {
  return (text) => {
    try {
      parse(text);
      return true;
    } catch (error) {
      if (RehabError.is(error)) return error.hint ? `${error.message} ${error.hint}` : error.message;
      throw error;
    }
  };
}
