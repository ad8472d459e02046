// Start-up stays light: `rehab --help` and every command load dist/main.js (the wiring) before
// their own handler's bundle in dist/commands/. The heavy modules must not be in main.js:
// handlers load SQLite, zod, CSV, charts and prompts when they need them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = path.resolve('dist');
const main = () => readFileSync(path.join(DIST, 'main.js'), 'utf8');

describe('the start-up bundle', () => {
  it.each([
    ['zod', 'node_modules/zod/'],
    ['the prompts', 'node_modules/@inquirer/'],
    ['the chart library', 'node_modules/asciichart/'],
    ['the CSV parser', 'node_modules/csv-parse/'],
    ['date-fns', 'node_modules/date-fns/'],
  ])('does not contain %s', (_name, marker) => {
    expect(main()).not.toContain(marker);
  });

  it('does not load SQLite', () => {
    expect(main()).not.toMatch(/require\("better-sqlite3"\)/);
  });

  it('leaves each handler to its own bundle, required only when its command runs', () => {
    expect(main()).toMatch(/require\("\.\/commands\/next\.js"\)/);
    expect(main()).not.toMatch(/import\("/);
    expect(readFileSync(path.join(DIST, 'commands', 'next.js'), 'utf8')).toContain('better-sqlite3');
  });
});
