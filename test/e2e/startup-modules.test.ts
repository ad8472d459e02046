// Start-up stays light: what `rehab --help` and every command load before their own handler is
// dist/main.js and the chunks it imports statically. zod (and the validation built on it) must
// not be among them; handlers load it with import() when they need it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = path.resolve('dist');

/** dist/main.js and every chunk reachable from it through static imports (not import()). */
function staticGraph(): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(path.join(DIST, file), 'utf8');
    for (const match of code.matchAll(/^\s*(?:import|export)\s[^;]*?from\s*"\.\/([^"]+)"/gm)) visit(match[1]!);
    for (const match of code.matchAll(/^import\s*"\.\/([^"]+)"/gm)) visit(match[1]!);
  };
  visit('main.js');
  return [...seen];
}

describe('the start-up bundle', () => {
  it('does not load zod', () => {
    const files = staticGraph();
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) expect(readFileSync(path.join(DIST, file), 'utf8'), file).not.toContain('node_modules/zod/');
  });

  it('leaves zod to a lazily loaded chunk', () => {
    const main = readFileSync(path.join(DIST, 'main.js'), 'utf8');
    expect(main).toMatch(/import\("\.\/plan-import-[A-Z0-9]+\.js"\)/);
  });
});
