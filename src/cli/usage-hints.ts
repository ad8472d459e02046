// What to do next after a command line commander refused: a usage error says what would be right
// (SPEC §2), and commander's own messages say only what was wrong.
import type { Command, CommanderError } from 'commander';

/**
 * The words to add to commander's message for `error`, ` (`rehab log --help` lists the options.)`
 * and the like, or '' when its message already says what to do (a did-you-mean, the allowed choices).
 */
export function usageHint(program: Command, args: readonly string[], error: CommanderError): string {
  const words = commandWords(program, args);
  const help = `\`${['rehab', ...words].join(' ')} --help\``;
  switch (error.code) {
    case 'commander.unknownOption': {
      const flag = /'([^']*)'/.exec(error.message)?.[1] ?? '';
      // `rehab log squat -5kg`: a minus sign makes any word an option.
      if (/^-\d/.test(flag)) {
        const assisted = words[0] === 'log' || words[0] === 'edit' ? 'assistance on a bodyweight exercise is written bw-20kg; ' : '';
        return ` (a number here is never negative: ${assisted}${help} lists the options.)`;
      }
      return error.message.includes('Did you mean') ? '' : ` (${help} lists the options.)`;
    }
    case 'commander.excessArguments':
    case 'commander.missingArgument':
    case 'commander.optionMissingArgument':
      return ` (${help} shows how to write it.)`;
    default:
      return '';
  }
}

/** The command the arguments name, as words: ['log'], ['exercise', 'set'], or [] for rehab itself. */
function commandWords(program: Command, args: readonly string[]): string[] {
  const words: string[] = [];
  let command = program;
  for (let index = 0; index < args.length; index++) {
    const word = args[index] as string;
    if (word.startsWith('-')) {
      // The value of an option that takes one (`--db PATH`) is not a command word.
      if (command.options.some((option) => option.required && (option.long === word || option.short === word))) index++;
      continue;
    }
    const named = command.commands.find((candidate) => candidate.name() === word || candidate.aliases().includes(word));
    if (named === undefined) break;
    words.push(named.name());
    command = named;
  }
  return words;
}
