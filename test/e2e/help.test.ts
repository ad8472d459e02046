// `rehab` with no command, help, and did-you-mean for mistyped commands, through the built binary.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSandbox, type Sandbox } from './run-rehab.js';

let sandbox: Sandbox;
beforeEach(() => {
  sandbox = makeSandbox();
});
afterEach(() => sandbox.cleanup());

describe('rehab with no command', () => {
  it('shows the next session, as `rehab next` does, then a one-line hint about --help on stderr', () => {
    expect(sandbox.run(['log', 'squat', '20kg', '3x10', '--date', 'yesterday']).code).toBe(0);
    const result = sandbox.run([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(sandbox.run(['next']).stdout);
    expect(result.stdout).toMatch(/^Next session, as of /);
    expect(result.stderr).toBe('rehab: `rehab --help` lists every command; `rehab log squat 25kg 3x10` records a session.\n');
  });

  it('on a new log: the notices of a new log, the first prescriptions, the hint last', () => {
    const result = sandbox.run([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Goblet squat');
    expect(result.stderr).toMatch(/^Started a new log at .*\n[^]*rehab: `rehab --help` lists every command; `rehab log squat 25kg 3x10` records a session\.\n$/);
  });

  it('takes the global options: rehab --units lb', () => {
    expect(sandbox.run(['log', 'squat', '20kg', '3x10']).code).toBe(0);
    expect(sandbox.run(['--units', 'lb']).stdout).toMatch(/Goblet squat +44\.092 lb/);
  });
});

describe('help', () => {
  it('rehab --help lists the commands, progress and completion among them, not the hidden one', () => {
    const result = sandbox.run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: rehab \[options\] \[command\]\n/);
    expect(result.stdout).toMatch(/^ {2}progress \[options\] \[exercise\.\.\.\] +a chart of one exercise over time/m);
    expect(result.stdout).toMatch(/^ {2}completion \[shell\] +print a shell completion script/m);
    expect(result.stdout).toMatch(/^ {2}help \[command\] +display help for command/m);
    expect(result.stdout).not.toContain('__complete');
    expect(result.stdout).toContain('Examples:');
  });

  it('rehab help <command> is that command’s --help', () => {
    const result = sandbox.run(['help', 'progress']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(sandbox.run(['progress', '--help']).stdout);
    expect(result.stdout).toContain('$ rehab progress rdl --metric e1rm --since -12w');
  });
});

describe('did you mean: a mistyped command is a usage error naming the closest commands', () => {
  it.each([
    ['a command', ['nxt'], "rehab: unknown command 'nxt' (Did you mean next?)\n"],
    ['a command, letters swapped', ['histroy', 'squat'], "rehab: unknown command 'histroy' (Did you mean history?)\n"],
    ['a subcommand of a command with a default one', ['exercise', 'lst'], "rehab: unknown command 'lst' of 'rehab exercise' (Did you mean list?)\n"],
    ['a subcommand, before its options', ['plan', 'shw', '--format', 'json'], "rehab: unknown command 'shw' of 'rehab plan' (Did you mean show?)\n"],
    ['nothing alike: where to look', ['zzz'], "rehab: unknown command 'zzz' (`rehab --help` lists them.)\n"],
    ['a subcommand, nothing alike', ['exercise', 'squat'], "rehab: unknown command 'squat' of 'rehab exercise' (`rehab exercise --help` lists them.)\n"],
  ])('%s', (_name, args, message) => {
    const result = sandbox.run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(message);
    expect(result.stdout).toBe('');
  });

  it('a default subcommand still runs with its options: rehab exercise --all, rehab plan --format json', () => {
    expect(sandbox.run(['exercise', '--all']).code).toBe(0);
    expect(JSON.parse(sandbox.run(['plan', '--format', 'json']).stdout)).toHaveProperty('exercises');
  });
});
