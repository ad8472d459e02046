import { screen } from '@inquirer/testing/vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseLoad } from '../../src/domain/log-grammar.js';
import { terminalPrompter, validateWith } from '../../src/io/prompts.js';

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    return entry.isDirectory() ? sourceFiles(file) : file.endsWith('.ts') ? [file] : [];
  });
}

describe('the one door to @inquirer/prompts', () => {
  it('is src/io/prompts.ts, by importEsm() only: no other module loads the prompts, and none at start-up', () => {
    const loaders: string[] = [];
    for (const file of sourceFiles(path.resolve('src'))) {
      const code = readFileSync(file, 'utf8');
      for (const line of code.split('\n')) {
        // import … from '@inquirer/…', import('@inquirer/…'), importEsm(…'@inquirer/…'), require('@inquirer/…')
        if (!/(?:\bfrom\s*|\bimport\s*\(\s*|\bimportEsm\b[^(]*\(\s*|\brequire\s*\(\s*)['"]@inquirer\//.test(line)) continue;
        // Type-only imports are erased by the compiler and load nothing.
        if (/^\s*import type\b/.test(line)) continue;
        loaders.push(`${path.relative(path.resolve('src'), file)}: ${line.trim()}`);
      }
    }
    expect(loaders).toStrictEqual(["io/prompts.ts: loading ??= importEsm<typeof Inquirer>('@inquirer/prompts');"]);
  });

  it('says messages on its output, with a line end', () => {
    const output = new PassThrough();
    terminalPrompter(output).say('Started a new log.');
    expect(output.read()?.toString()).toBe('Started a new log.\n');
  });

  it('asks on the terminal it is given', async () => {
    const answer = terminalPrompter(new PassThrough()).confirm({ message: 'Save this?', default: true });
    await screen.next();
    expect(screen.getScreen()).toBe('? Save this? (Y/n)');
    screen.keypress('enter');
    await expect(answer).resolves.toBe(true);
  });
});

describe('validateWith', () => {
  const validate = validateWith((text) => parseLoad(text, 'kg'));

  it.each<[string, true | string]>([
    ['25kg', true],
    ['bw+10kg', true],
    ['25 kilos', 'Load "25 kilos" has an unknown unit "kilos". Use kg, lb or lbs, as in 25kg, 25 kg or 55lb.'],
    ['-5', 'Load "-5" is negative. For an assisted exercise write bw-20kg; for no added weight write bw.'],
  ])('%j → %j: the usage message and its hint, shown under the question', (text, expected) => {
    expect(validate(text)).toBe(expected);
  });

  it('lets a bug through rather than showing it as a wrong answer', () => {
    expect(() =>
      validateWith(() => {
        throw new TypeError('boom');
      })('x'),
    ).toThrow(TypeError);
  });
});
