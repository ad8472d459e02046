// Fuzzing through the built binary (issue 7): what a person could type, including line breaks and
// terminal escapes inside arguments, ends in exit 0, or in exit 2 with exactly one line on stderr,
// no stack trace, and the log byte for byte as it was. fuzz.test.ts runs thousands of cases
// in-process; this runs a few dozen the way a user would, for the exit code and stderr.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, type Sandbox } from '../e2e/run-rehab.js';
import { fileDigest, isOneCleanLine } from './helpers.js';

let sandbox: Sandbox;
beforeAll(() => {
  sandbox = makeSandbox();
  for (const args of [['log', 'squat', '20kg', '3x8', '--date', '2026-01-05'], ['log', 'side plank', 'bw', '3x30s', '--date', '2026-01-06']]) {
    expect(sandbox.run(args).code).toBe(0);
  }
});
afterAll(() => sandbox.cleanup());

const nasty = fc.constantFrom('', ' ', '\n', 'a\nb', 'x\r\ny', '\t', '\u001b[2J\u001b[31mred', '\u0007', '"', "'", '$(id)', '`id`', '🏋️', '%s', '\\', '--', '-1', '1e309', '9'.repeat(40));
const word = fc.oneof(
  fc.constantFrom('squat', 'side plank', 'bridge', '25kg', 'bw-20kg', '3x8', '8,8,6', 'x30s', '3x8@7', '0', '2', '999', 'yesterday', 'mon', '-3d', '2026-02-30', '3000-01-01', 'json', 'csv'),
  nasty,
  fc.tuple(fc.constantFrom('25', 'bw', '3x', 'squat', '2026-'), nasty).map(([a, b]) => a + b),
);
const option = fc.constantFrom('--date', '--rpe', '--pain', '--note', '--new', '--format', '--limit', '--since', '--until', '--exercise', '--units', '--all', '--ack', '--scheme', '--load', '--reps', '--set', '--alias');
const command = fc.constantFrom(['log'], ['next'], ['history'], ['pain'], ['bodyweight'], ['edit'], ['delete'], ['milestones'], ['exercise', 'set'], ['exercise', 'add'], ['export'], ['db', 'check'], ['nxet'], []);
const argv = fc.tuple(command, fc.array(fc.oneof(word, option), { maxLength: 6 })).map(([names, rest]) => [...names, ...rest]);

describe('the built binary, fuzzed', () => {
  it('60 random command lines: exit 0, or exit 2 with one clean line on stderr and the log unchanged', { timeout: 300_000 }, () => {
    let refused = 0;
    fc.assert(
      fc.property(argv, (args) => {
        const before = fileDigest(sandbox.db);
        const result = sandbox.run(args);
        const label = JSON.stringify(args);
        expect([0, 2], `${label}: exit ${result.code} ${result.stderr}`).toContain(result.code);
        if (result.code === 2) {
          refused++;
          expect(isOneCleanLine(result.stderr), `${label}: ${JSON.stringify(result.stderr)}`).toBe(true);
          expect(result.stdout, label).toBe('');
          expect(fileDigest(sandbox.db), `${label} was refused but wrote`).toBe(before);
        }
      }),
      // REHAB_FUZZ_SCALE=10 for a deeper run on your machine.
      { numRuns: Math.round(60 * (Number(process.env.REHAB_FUZZ_SCALE) || 1)) },
    );
    expect(refused).toBeGreaterThan(10);
  });

  it.each([
    [['log', 'squat\nDROP', '25kg'], /Unknown exercise|not understood|no exercise/i],
    [['log', 'squat', '25kg\u001b[2J'], /Load "25kg\\u001b\[2J"/],
    [['log', 'squat', '3x8', '--date', '2026-11-20\nrm'], /Date "2026-11-20\\nrm"/],
    [['exercise', 'add', 'bad\u0001name'], /The exercise name "Bad\\u0001name" contains a control character\. Use letters, digits, spaces and punctuation\./],
    [['log', 'step\u001bup', 'bw', 'x8', '--new'], /The exercise name "Step\\u001bup" contains a control character\./],
  ])('input with a line break or a terminal escape is echoed escaped, on one line: %j', (args, message) => {
    const result = sandbox.run(args as string[]);
    expect(result.code).toBe(2);
    expect(isOneCleanLine(result.stderr), JSON.stringify(result.stderr)).toBe(true);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toContain('\u001b');
  });
});
