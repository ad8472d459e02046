// `rehab completion bash|zsh|fish` loaded into the real shells, completions asked for as the shell
// would (bash: COMP_WORDS and the completion function; zsh: the function with compadd stubbed;
// fish: complete -C), and `rehab __complete exercises`, which the scripts call on Tab.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, makeSandbox, type Sandbox } from './run-rehab.js';

let sandbox: Sandbox;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
  sandbox = makeSandbox();
  // `rehab` on the PATH, as after `npm link`: the scripts call it by the name the user typed.
  const bin = path.join(sandbox.dir, 'bin');
  mkdirSync(bin);
  writeFileSync(path.join(bin, 'rehab'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(path.join(bin, 'rehab'), 0o755);
  env = { PATH: `${bin}:${process.env.PATH}`, HOME: sandbox.dir, XDG_DATA_HOME: path.join(sandbox.dir, 'data'), REHAB_DB: sandbox.db, TZ: process.env.TZ };
});
afterEach(() => sandbox.cleanup());

function shell(program: string, args: string[], stdin = ''): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(program, args, { env, input: stdin, encoding: 'utf8', cwd: sandbox.dir });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function hasShell(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

/** What bash offers for the words typed so far (the last one is being completed). */
function bashCompletes(...words: string[]): string[] {
  const script = `source <(rehab completion bash) || exit 9
COMP_WORDS=("$@"); COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 ))
_rehab rehab "\${COMP_WORDS[COMP_CWORD]}" "\${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = shell('bash', ['-c', script, 'bash', ...words]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout.split('\n').filter(Boolean);
}

describe('rehab completion bash', () => {
  it('loads in a real bash and registers a completion for rehab', () => {
    const result = shell('bash', ['-c', 'source <(rehab completion bash); complete -p rehab']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('complete -F _rehab rehab\n');
  });

  it.each<[string, string[], string[]]>([
    ['commands: rehab l<Tab>', ['rehab', 'l'], ['log']],
    ['commands starting with p', ['rehab', 'p'], ['plan', 'pain', 'progress']],
    ['subcommands: rehab exercise s<Tab>', ['rehab', 'exercise', 's'], ['set']],
    ['options of the command being typed, global ones too', ['rehab', 'log', '--d'], ['--date', '--db', '--debug']],
    ['the choices of an option', ['rehab', 'next', '--format', ''], ['text', 'json']],
    ['the choices of a global option, after the command', ['rehab', 'history', '--units', ''], ['kg', 'lb']],
    ['the choices of an argument', ['rehab', 'completion', ''], ['bash', 'zsh', 'fish']],
    ['--metric of progress', ['rehab', 'progress', 'squat', '--metric', 'e'], ['e1rm']],
    ['an option that takes any value offers nothing', ['rehab', 'log', 'squat', '--rpe', ''], []],
    ['help takes a command name', ['rehab', 'help', 'pr'], ['progress']],
  ])('%s', (_name, words, expected) => {
    expect(bashCompletes(...words)).toEqual(expected);
  });

  it('exercise names from the log: rehab log sq<Tab> → squat, names of several words escaped, any case', () => {
    expect(sandbox.run(['exercise', 'add', 'Split squat', '--alias', 'split']).code).toBe(0);
    expect(bashCompletes('rehab', 'log', 'sq')).toEqual(['squat']);
    expect(bashCompletes('rehab', 'log', 'sp')).toEqual(['Split\\ squat', 'split']);
    expect(bashCompletes('rehab', 'log', 'GOB')).toEqual(['Goblet\\ squat', 'goblet']);
    expect(bashCompletes('rehab', 'progress', 'rd')).toEqual(['rdl']);
    expect(bashCompletes('rehab', 'exercise', 'set', 'bir')).toEqual(['Bird\\ dog', 'bird-dog', 'birddog']);
    expect(bashCompletes('rehab', 'export', '--exercise', 'pla')).toEqual(['plank']);
  });

  it('only the first word after `log` is an exercise; `next` takes several', () => {
    expect(bashCompletes('rehab', 'log', 'squat', '')).toEqual([]);
    expect(bashCompletes('rehab', 'next', 'squat', 'rd')).toEqual(['rdl']);
  });

  it('--db on the line is passed on, so the names come from that log', () => {
    const other = path.join(sandbox.dir, 'other.db');
    expect(sandbox.run(['--db', other, 'exercise', 'add', 'Nordic curl']).code).toBe(0);
    expect(bashCompletes('rehab', '--db', other, 'log', 'nor')).toEqual(['Nordic\\ curl']);
    expect(bashCompletes('rehab', 'log', 'nor')).toEqual([]);
  });

  it('files where a command reads a file', () => {
    writeFileSync(path.join(sandbox.dir, 'strong.csv'), 'x');
    expect(bashCompletes('rehab', 'import', 'str')).toEqual(['strong.csv']);
  });
});

describe('rehab completion zsh and fish', () => {
  it.each(['zsh', 'fish'])('%s: a script with every command, generated from the program', (shellName) => {
    const result = sandbox.run(['completion', shellName]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    for (const command of ['log', 'next', 'history', 'progress', 'completion', 'milestones']) expect(result.stdout).toContain(command);
    expect(result.stdout).toContain('__complete exercises');
    expect(result.stdout).not.toMatch(/'__complete'/);
  });

  // Run where the shell is installed (it is on the development machine and CI image).
  it.runIf(hasShell('zsh'))('zsh: the function offers commands with descriptions, choices, and exercise names', () => {
    const stubs = `compdef() { :; }
_describe() { print -l -- "\${(@P)\${@[-1]}}"; }
_files() { print -- '<files>'; }
compadd() {
  local -a out; local array=''
  while (( $# )); do
    case $1 in -a) array=$2; shift 2 ;; -M) shift 2 ;; --) shift; out=("$@"); break ;; *) shift ;; esac
  done
  [[ -n $array ]] && out=("\${(@P)array}")
  print -l -- "\${out[@]}"
}
source <(rehab completion zsh)
words=("$@"); CURRENT=\${#words}
_rehab`;
    const offers = (...words: string[]) => shell('zsh', ['-c', stubs, 'zsh', ...words]).stdout.split('\n').filter(Boolean);
    expect(shell('zsh', ['-n', '-c', 'source <(rehab completion zsh)']).code).toBe(0);
    expect(offers('rehab', '')).toContain('progress:a chart of one exercise over time, with start → now');
    expect(offers('rehab', 'exercise', '')).toContain('set:change an exercise\'s settings or aliases');
    expect(offers('rehab', 'next', '--format', '')).toEqual(['text', 'json']);
    expect(offers('rehab', 'log', '')).toContain('Goblet squat');
    expect(offers('rehab', 'import', '')).toEqual(['<files>']);
  });

  it.runIf(hasShell('fish'))('fish: complete -C offers commands, subcommands, choices and exercise names', () => {
    const script = path.join(sandbox.dir, 'rehab.fish');
    writeFileSync(script, sandbox.run(['completion', 'fish']).stdout);
    const offers = (line: string) =>
      shell('fish', ['--no-config', '-c', `source ${script}; complete -C'${line}'`])
        .stdout.split('\n')
        .filter(Boolean)
        .map((entry) => entry.split('\t')[0]);
    expect(offers('rehab l')).toEqual(['log']);
    expect(offers('rehab exercise s')).toEqual(['set']);
    expect(offers('rehab next --format ').sort()).toEqual(['json', 'text']);
    expect(offers('rehab log sq')).toEqual(['squat']);
    expect(offers('rehab log gob')).toEqual(['Goblet squat', 'goblet']);
  });
});

describe('rehab __complete exercises', () => {
  it('before any log exists: the starter programme’s names (the first command creates them), no file made, nothing on stderr', () => {
    const result = sandbox.run(['__complete', 'exercises']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')).toEqual(expect.arrayContaining(['Goblet squat', 'squat', 'Romanian deadlift', 'rdl']));
    expect(existsSync(sandbox.db)).toBe(false);
  });

  it('the names and aliases of the active exercises, one a line', () => {
    expect(sandbox.run(['exercise', 'archive', 'bird', 'dog']).code).toBe(0);
    const result = sandbox.run(['__complete', 'exercises']);
    expect(result.stderr).toBe('');
    const names = result.stdout.trimEnd().split('\n');
    expect(names).toContain('Goblet squat');
    expect(names).not.toContain('Bird dog');
    expect(names).not.toContain('birddog');
  });

  it.each<[string, string[], (db: string) => void]>([
    ['a file that is not a rehab log', ['__complete', 'exercises'], (db) => writeFileSync(db, 'not sqlite, just text\n'.repeat(10))],
    ['a topic it does not know', ['__complete', 'nonsense'], () => {}],
    ['a folder where the log should be', ['__complete', 'exercises'], (db) => mkdirSync(db)],
  ])('prints nothing at all when it has no names (exit 0, empty stderr): %s', (_name, args, prepare) => {
    prepare(sandbox.db);
    const result = sandbox.run(args);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('is hidden: not in --help', () => {
    expect(sandbox.run(['--help']).stdout).not.toContain('__complete');
  });
});

describe('rehab completion: mistakes', () => {
  it.each([
    ['no shell (stdin is not a terminal)', ['completion'], 'rehab: Missing the shell. Write it like `rehab completion bash` (bash, zsh or fish). On a terminal, `rehab completion` alone asks which.\n'],
    ['an unknown shell', ['completion', 'powershell'], "rehab: command-argument value 'powershell' is invalid for argument 'shell'. Allowed choices are bash, zsh, fish.\n"],
  ])('%s: exit 2, one line', (_name, args, message) => {
    const result = sandbox.run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(message);
  });
});
