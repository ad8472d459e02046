// Shared set-up for the database tests: a fresh temp folder per test, real SQLite files in it.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { ExerciseSettings } from '../../src/domain/types.js';

const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A new empty folder, removed after the test. */
export function tempFolder(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'rehab-'));
  folders.push(folder);
  return folder;
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The folder's entries, sorted, to check that nothing appeared beside a refused file. */
export function listing(folder: string): string[] {
  return readdirSync(folder).sort();
}

export function permissions(mode: number): string {
  return (mode & 0o777).toString(8);
}

/** Valid settings, independent of the defaults in src/domain (which may change). */
export function settings(overrides: Partial<ExerciseSettings> = {}): ExerciseSettings {
  return {
    model: 'double',
    measure: 'reps',
    sets: 3,
    reps: { min: 8, max: 12 },
    seconds: { min: 20, max: 45, increment: 5 },
    equipment: 'dumbbell',
    increment: { kg: 2, lb: 5 },
    step: { kg: 2, lb: 5 },
    start: { kind: 'bodyweight', added: 0, unit: 'kg' },
    pattern: 'squat',
    ...overrides,
  };
}
