// The prompts cost nothing to the commands that never ask: @inquirer/prompts is reached only
// through src/io/prompts.ts (test/io/prompts.test.ts checks the source), so only the handlers
// that can ask — log, import, init — may carry it, and the start-up bundle never does.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = path.resolve('dist');
const MAY_ASK = new Set(['log.js', 'import.js', 'import-prompt.js', 'init.js']);

describe('the prompts in the built bundles', () => {
  it('are not in the start-up bundle', () => {
    expect(readFileSync(path.join(DIST, 'main.js'), 'utf8')).not.toContain('node_modules/@inquirer/');
  });

  it('are in no handler that never asks (next, history, export, …)', () => {
    const handlers = readdirSync(path.join(DIST, 'commands')).filter((file) => file.endsWith('.js'));
    expect(handlers).toContain('next.js');
    const carrying = handlers.filter((file) => readFileSync(path.join(DIST, 'commands', file), 'utf8').includes('node_modules/@inquirer/'));
    expect(carrying.filter((file) => !MAY_ASK.has(file))).toStrictEqual([]);
  });
});
