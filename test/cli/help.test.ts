// Help that teaches: every command and subcommand, walked in the commander program itself, has
// examples in its --help.
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';

/** Every visible command with its words from `rehab`, the program itself first. */
function commands(): Array<{ path: string; command: Command }> {
  const program = buildProgram({ now: new Date('2026-11-24T12:00:00'), deliver: () => {} });
  const found: Array<{ path: string; command: Command }> = [];
  const walk = (command: Command, path: string[]) => {
    found.push({ path: path.join(' '), command });
    for (const sub of command.createHelp().visibleCommands(command)) {
      // commander's own `help [command]` is not one of ours.
      if (command.commands.includes(sub)) walk(sub, [...path, sub.name()]);
    }
  };
  walk(program, ['rehab']);
  return found;
}

function helpOf(command: Command): string {
  let text = '';
  command.configureOutput({ writeOut: (chunk) => (text += chunk), writeErr: (chunk) => (text += chunk) });
  command.outputHelp();
  return text;
}

describe('--help', () => {
  const all = commands();

  it('covers every command, the new ones included', () => {
    const paths = all.map((entry) => entry.path);
    for (const path of ['rehab', 'rehab log', 'rehab progress', 'rehab completion', 'rehab exercise set', 'rehab plan import']) expect(paths).toContain(path);
    expect(paths).not.toContain('rehab __complete');
  });

  it.each(all.map((entry) => [entry.path, entry.command] as const))('%s --help has examples, each a `$ rehab …` line', (path, command) => {
    const help = helpOf(command);
    expect(help, help).toMatch(/^Examples?:$/m);
    const examples = help.split('\n').filter((line) => /^ {2}\$ /.test(line));
    expect(examples.length, help).toBeGreaterThan(0);
    // An example of a subcommand shows that subcommand (or, for the program, any command).
    const words = path.split(' ').slice(1).join(' ');
    expect(examples.some((line) => line.includes(`$ rehab ${words}`.trimEnd())), help).toBe(true);
  });
});
