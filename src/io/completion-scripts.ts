// Shell completion scripts for bash, zsh and fish, generated from the command tree (read from the
// commander program, src/cli/command-tree.ts). Exercise names are completed live: the scripts run
// `rehab __complete exercises`, which prints the log's names and aliases, one a line, and nothing
// else. Each script holds the tree as small lookup functions and one function that reads the
// command line: which (sub)command is being typed, how many arguments it has, what the last word
// was.

/** What a word completes to. */
export type CompletionValue =
  | { kind: 'exercise' }
  | { kind: 'file' }
  | { kind: 'choice'; values: string[] }
  /** Anything: a number, a date, a note. Nothing is offered. */
  | { kind: 'any' };

export interface CompletionOption {
  /** `-o`, `--output` */
  flags: string[];
  description: string;
  /** What the option's value completes to; null for an option that takes none. */
  value: CompletionValue | null;
}

export interface CompletionCommand {
  /** Words from `rehab`: [] for rehab itself, ['exercise', 'set'] for `rehab exercise set`. */
  path: string[];
  summary: string;
  subcommands: CompletionCommand[];
  options: CompletionOption[];
  /** What each positional argument completes to, in order. */
  positionals: CompletionValue[];
  /** Whether the last positional repeats (`rehab next squat rdl …`). */
  repeatLast: boolean;
}

export type Shell = 'bash' | 'zsh' | 'fish';
export const SHELLS: readonly Shell[] = ['bash', 'zsh', 'fish'];

/** The completion script for `shell`. */
export function completionScript(shell: Shell, tree: CompletionCommand): string {
  const commands = flatten(tree, globalOptionsOf(tree));
  if (shell === 'bash') return bashScript(commands);
  if (shell === 'zsh') return zshScript(commands);
  return fishScript(commands);
}

/** A command with everything it accepts, global options included. */
interface FlatCommand extends CompletionCommand {
  key: string;
  allOptions: CompletionOption[];
}

/** The root's options that work on every command (`--db`, `--units`, …): not `--version`, `--help`. */
function globalOptionsOf(tree: CompletionCommand): CompletionOption[] {
  return tree.options.filter((option) => !option.flags.some((flag) => flag === '--version' || flag === '--help'));
}

function flatten(command: CompletionCommand, globals: CompletionOption[]): FlatCommand[] {
  const own = new Set(command.options.flatMap((option) => option.flags));
  const allOptions = command.path.length === 0 ? command.options : [...command.options, ...globals.filter((g) => !g.flags.some((flag) => own.has(flag)))];
  return [{ ...command, key: command.path.join(' '), allOptions }, ...command.subcommands.flatMap((sub) => flatten(sub, globals))];
}

/** How a value reads in the scripts' lookup functions: @exercise, @file, @any, or the choices. */
function valueWord(value: CompletionValue): string {
  return value.kind === 'choice' ? value.values.join(' ') : `@${value.kind}`;
}

// ── bash and zsh: the lookup functions are the same POSIX `case` statements ───────────────────

/** `'it'\''s'`: a single-quoted word for bash and zsh. */
function shQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function shLookups(commands: FlatCommand[]): string {
  const casesOf = (rows: Array<[string, string]>) => rows.map(([pattern, value]) => `    ${pattern}) echo ${shQuote(value)} ;;`).join('\n');
  const subcommands = casesOf(commands.filter((c) => c.subcommands.length > 0).map((c) => [shQuote(c.key), c.subcommands.map((s) => s.path.at(-1)).join(' ')]));
  const options = casesOf(commands.map((c) => [shQuote(c.key), c.allOptions.flatMap((o) => o.flags).join(' ')]));
  const optionValues = casesOf(
    commands.flatMap((c) =>
      c.allOptions.flatMap((o) => (o.value === null ? [] : o.flags.map((flag): [string, string] => [shQuote(`${c.key}|${flag}`), valueWord(o.value as CompletionValue)]))),
    ),
  );
  const argumentRows: Array<[string, string]> = [];
  for (const c of commands) {
    c.positionals.forEach((value, index) => {
      if (value.kind === 'any') return;
      const repeats = c.repeatLast && index === c.positionals.length - 1;
      argumentRows.push([repeats ? `${shQuote(`${c.key}|`)}*` : shQuote(`${c.key}|${index}`), valueWord(value)]);
    });
  }
  return `# The commands of each command (by its words from rehab), their options, and what values complete to.
_rehab_commands() {
  case "$1" in
${subcommands}
  esac
}
_rehab_options() {
  case "$1" in
${options}
  esac
}
_rehab_option_value() {
  case "$1|$2" in
${optionValues}
  esac
}
_rehab_argument() {
  case "$1|$2" in
${casesOf(argumentRows)}
  esac
}
`;
}

/**
 * The loop that reads the words before the cursor (bash's COMP_WORDS, zsh's words, from the index
 * in $first to the one before $last): the command path, how many arguments follow it, and a
 * --db to pass on to `rehab __complete`.
 */
function shWalk(wordsVar: string, first: string, last: string): string {
  return `  local rehab_path='' rehab_npos=0 rehab_word rehab_i=${first}
  rehab_db=()
  while (( rehab_i < ${last} )); do
    rehab_word=\${${wordsVar}[rehab_i]}
    case $rehab_word in
      --db=*) rehab_db=(--db "\${rehab_word#--db=}") ;;
      -*=*) ;;
      -*)
        if [[ -n $(_rehab_option_value "$rehab_path" "$rehab_word") ]]; then
          (( rehab_i++ ))
          [[ $rehab_word == --db ]] && rehab_db=(--db "\${${wordsVar}[rehab_i]}")
        fi ;;
      *)
        if (( rehab_npos == 0 )) && [[ " $(_rehab_commands "$rehab_path") " == *" $rehab_word "* ]]; then
          rehab_path=\${rehab_path:+$rehab_path }$rehab_word
        else
          (( rehab_npos++ ))
        fi ;;
    esac
    (( rehab_i++ ))
  done`;
}

function bashScript(commands: FlatCommand[]): string {
  return `# bash completion for rehab. Install:
#   rehab completion bash > ~/.local/share/bash-completion/completions/rehab
# or add to ~/.bashrc:  source <(rehab completion bash)
${shLookups(commands)}
# Exercise names and aliases of the log, matched without regard to case.
_rehab_exercises() {
  local rehab_name rehab_nocase
  rehab_nocase=$(shopt -p nocasematch)
  shopt -s nocasematch
  while IFS= read -r rehab_name; do
    [[ $rehab_name == "$2"* ]] && COMPREPLY+=("$(printf '%q' "$rehab_name")")
  done < <("$1" "\${rehab_db[@]}" __complete exercises 2>/dev/null)
  eval "$rehab_nocase"
}

_rehab_reply() {
  case $2 in
    @file) compopt -o filenames 2>/dev/null; COMPREPLY+=($(compgen -f -- "$3")) ;;
    @exercise) _rehab_exercises "$1" "$3" ;;
    @any) ;;
    *) COMPREPLY+=($(compgen -W "$2" -- "$3")) ;;
  esac
}

_rehab() {
  local rehab_cur=\${COMP_WORDS[COMP_CWORD]} rehab_prev=\${COMP_WORDS[COMP_CWORD-1]} rehab_value
  local -a rehab_db
  COMPREPLY=()
${shWalk('COMP_WORDS', '1', 'COMP_CWORD')}
  if [[ $rehab_prev == -* && $rehab_prev != *=* ]] && (( COMP_CWORD > 1 )); then
    rehab_value=$(_rehab_option_value "$rehab_path" "$rehab_prev")
    if [[ -n $rehab_value ]]; then
      _rehab_reply "$1" "$rehab_value" "$rehab_cur"
      return 0
    fi
  fi
  if [[ $rehab_cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(_rehab_options "$rehab_path")" -- "$rehab_cur"))
    return 0
  fi
  if (( rehab_npos == 0 )); then
    COMPREPLY=($(compgen -W "$(_rehab_commands "$rehab_path")" -- "$rehab_cur"))
  fi
  rehab_value=$(_rehab_argument "$rehab_path" "$rehab_npos")
  [[ -n $rehab_value ]] && _rehab_reply "$1" "$rehab_value" "$rehab_cur"
  return 0
}

complete -F _rehab rehab
`;
}

function zshScript(commands: FlatCommand[]): string {
  const described = (rows: Array<[string, string[]]>) =>
    rows.map(([key, entries]) => `    ${shQuote(key)}) reply=(${entries.map(shQuote).join(' ')}) ;;`).join('\n');
  const commandDescriptions = described(
    commands.filter((c) => c.subcommands.length > 0).map((c) => [c.key, c.subcommands.map((s) => `${s.path.at(-1)}:${s.summary}`)]),
  );
  const optionDescriptions = described(commands.map((c) => [c.key, c.allOptions.flatMap((o) => o.flags.map((flag) => `${flag}:${o.description}`))]));
  return `#compdef rehab
# zsh completion for rehab. Install: put it in a folder of your $fpath, as _rehab:
#   rehab completion zsh > "\${fpath[1]}/_rehab"
# (or mkdir -p ~/.zfunc; rehab completion zsh > ~/.zfunc/_rehab; and in ~/.zshrc, before compinit:
# fpath=(~/.zfunc $fpath)), or add to ~/.zshrc after compinit:  source <(rehab completion zsh)
${shLookups(commands)}
# "name:what it does" for the commands and the options of each command.
_rehab_described_commands() {
  case "$1" in
${commandDescriptions}
    *) reply=() ;;
  esac
}
_rehab_described_options() {
  case "$1" in
${optionDescriptions}
    *) reply=() ;;
  esac
}

_rehab_reply() {
  local -a rehab_names
  case $1 in
    @file) _files ;;
    @exercise)
      rehab_names=(\${(f)"$(\${words[1]} "\${rehab_db[@]}" __complete exercises 2>/dev/null)"})
      compadd -M 'm:{a-zA-Z}={A-Za-z}' -a rehab_names ;;
    @any) ;;
    *) compadd -- \${=1} ;;
  esac
}

_rehab() {
  local rehab_cur=\${words[CURRENT]} rehab_prev=\${words[CURRENT-1]} rehab_value
  local -a rehab_db reply
${shWalk('words', '2', 'CURRENT')}
  if [[ $rehab_prev == -* && $rehab_prev != *=* ]] && (( CURRENT > 2 )); then
    rehab_value=$(_rehab_option_value "$rehab_path" "$rehab_prev")
    if [[ -n $rehab_value ]]; then
      _rehab_reply "$rehab_value"
      return
    fi
  fi
  if [[ $rehab_cur == -* ]]; then
    _rehab_described_options "$rehab_path"
    _describe -t options option reply
    return
  fi
  if (( rehab_npos == 0 )); then
    _rehab_described_commands "$rehab_path"
    (( \${#reply} )) && _describe -t commands command reply
  fi
  rehab_value=$(_rehab_argument "$rehab_path" "$rehab_npos")
  [[ -n $rehab_value ]] && _rehab_reply "$rehab_value"
  return 0
}

if [[ \${zsh_eval_context[-1]} == loadautofunc ]]; then
  _rehab "$@"
else
  compdef _rehab rehab
fi
`;
}

// ── fish ────────────────────────────────────────────────────────────────────────────────────

/** `'it\\'s'`: a single-quoted word for fish. */
function fishQuote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function fishScript(commands: FlatCommand[]): string {
  const switchOf = (rows: Array<[string, string[]]>, indent = '        ') =>
    rows.map(([pattern, lines]) => `${indent}case ${pattern}\n${lines.map((line) => `${indent}    ${line}`).join('\n')}`).join('\n');
  const print = (values: string[]) => (values.length === 0 ? [] : [`printf '%s\\n' ${values.map(fishQuote).join(' ')}`]);
  const printDescribed = (entries: Array<[string, string]>) =>
    entries.length === 0 ? [] : [`printf '%s\\t%s\\n' ${entries.map(([name, text]) => `${fishQuote(name)} ${fishQuote(text)}`).join(' ')}`];

  const subcommands = switchOf(
    commands.filter((c) => c.subcommands.length > 0).map((c) => [fishQuote(c.key), printDescribed(c.subcommands.map((s) => [s.path.at(-1) as string, s.summary]))]),
  );
  const options = switchOf(commands.map((c) => [fishQuote(c.key), printDescribed(c.allOptions.flatMap((o) => o.flags.map((flag): [string, string] => [flag, o.description])))]));
  const optionValues = switchOf(
    commands.flatMap((c) =>
      c.allOptions.flatMap((o) => (o.value === null ? [] : o.flags.map((flag): [string, string[]] => [fishQuote(`${c.key}|${flag}`), print([valueWord(o.value as CompletionValue)])]))),
    ),
  );
  const argumentRows: Array<[string, string[]]> = [];
  for (const c of commands) {
    c.positionals.forEach((value, index) => {
      if (value.kind === 'any') return;
      const repeats = c.repeatLast && index === c.positionals.length - 1;
      argumentRows.push([repeats ? `${fishQuote(`${c.key}|`)}'*'` : fishQuote(`${c.key}|${index}`), print([valueWord(value)])]);
    });
  }

  return `# fish completion for rehab. Install:
#   rehab completion fish > ~/.config/fish/completions/rehab.fish

# The commands of each command (by its words from rehab) and their options, with what they do.
function __rehab_commands --argument-names rehab_path
    switch $rehab_path
${subcommands}
    end
end
function __rehab_options --argument-names rehab_path
    switch $rehab_path
${options}
    end
end
# What an option's value and each argument complete to: @exercise, @file, @any, or the choices.
function __rehab_option_value --argument-names rehab_path rehab_option
    switch "$rehab_path|$rehab_option"
${optionValues}
    end
end
function __rehab_argument --argument-names rehab_path rehab_index
    switch "$rehab_path|$rehab_index"
${switchOf(argumentRows)}
    end
end

function __rehab_values --argument-names rehab_value rehab_cur
    switch $rehab_value
        case @file
            __fish_complete_path $rehab_cur
        case @exercise
            set -l rehab_words (commandline -opc)
            set -l rehab_db
            set -l rehab_index (contains -i -- --db $rehab_words)
            and set rehab_db --db $rehab_words[(math $rehab_index + 1)]
            $rehab_words[1] $rehab_db __complete exercises 2>/dev/null
        case @any
        case '*'
            string split ' ' -- $rehab_value
    end
end

# Reads the words before the cursor, then prints what may come next.
function __rehab_complete
    set -l rehab_words (commandline -opc)
    set -l rehab_cur (commandline -ct)
    set -e rehab_words[1]
    set -l rehab_path ''
    set -l rehab_npos 0
    set -l rehab_skip 0
    for rehab_word in $rehab_words
        if test $rehab_skip -eq 1
            set rehab_skip 0
            continue
        end
        switch $rehab_word
            case '-*=*'
            case '-*'
                set -l rehab_value (__rehab_option_value "$rehab_path" $rehab_word)
                if test -n "$rehab_value"
                    set rehab_skip 1
                end
            case '*'
                if test $rehab_npos -eq 0; and contains -- $rehab_word (__rehab_commands "$rehab_path" | string replace -r '\\t.*' '')
                    set rehab_path (string trim -- "$rehab_path $rehab_word")
                else
                    set rehab_npos (math $rehab_npos + 1)
                end
        end
    end
    if test $rehab_skip -eq 1
        __rehab_values (__rehab_option_value "$rehab_path" $rehab_words[-1]) $rehab_cur
        return
    end
    if string match -q -- '-*' $rehab_cur
        __rehab_options "$rehab_path"
        return
    end
    if test $rehab_npos -eq 0
        __rehab_commands "$rehab_path"
    end
    set -l rehab_value (__rehab_argument "$rehab_path" $rehab_npos)
    test -n "$rehab_value"; and __rehab_values "$rehab_value" $rehab_cur
end

complete -c rehab -e
complete -c rehab -f -a '(__rehab_complete)'
`;
}
