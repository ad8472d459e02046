import { describe, expect, it } from 'vitest';
import { closestCommands, editDistance } from '../../src/cli/closest-commands.js';
import { chartColumns, terminalColumns } from '../../src/cli/terminal-size.js';

describe('terminal width', () => {
  it.each<[string, { isTTY?: boolean; columns?: number }, NodeJS.ProcessEnv, number | undefined, number | undefined]>([
    ['a terminal: its width, for text and charts', { isTTY: true, columns: 100 }, { COLUMNS: '60' }, 100, 100],
    ['a pipe: no width for text (never cut), $COLUMNS for charts', { isTTY: false }, { COLUMNS: '60' }, undefined, 60],
    ['a pipe without $COLUMNS: charts take the default', {}, {}, undefined, undefined],
    ['$COLUMNS that is not a number is ignored', {}, { COLUMNS: 'wide' }, undefined, undefined],
  ])('%s', (_rule, stdout, env, text, chart) => {
    expect(terminalColumns(stdout)).toBe(text);
    expect(chartColumns(stdout, env)).toBe(chart);
  });
});

describe('did-you-mean for commands (as commander suggests)', () => {
  const commands = ['log', 'next', 'history', 'export', 'import', 'exercise', 'init', 'list', 'set', 'progress', 'pain', 'plan'];
  it.each<[string, string, string[]]>([
    ['one letter missing', 'nxt', ['next']],
    ['two letters swapped', 'histroy', ['history']],
    ['the closest only', 'lst', ['list']],
    ['equally close ones all come, sorted', 'pan', ['pain', 'plan']],
    ['nothing alike: none', 'zzz', []],
    ['a prefix far too short to be alike: none', 'p', []],
  ])('%s: %s', (_rule, typed, expected) => {
    expect(closestCommands(typed, commands)).toEqual(expected);
  });

  it.each<[string, string, number]>([
    ['kitten', 'sitting', 3],
    ['ab', 'ba', 1],
    ['', 'abc', 3],
  ])('editDistance(%s, %s) = %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});
