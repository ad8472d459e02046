// -o FILE: the export file is complete or untouched, never half-written.
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../../src/io/atomic-file.js';
import { listing, permissions, tempFolder } from '../db/fixtures.js';

describe('writeFileAtomically', () => {
  it('writes every chunk and leaves no temporary file behind', async () => {
    const folder = tempFolder();
    const file = path.join(folder, 'log.csv');
    const result = await writeFileAtomically(file, async (sink) => {
      await sink('id,date\r\n');
      await sink('é✓😀\r\n');
      return 2;
    });
    expect(result).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe('id,date\r\né✓😀\r\n');
    expect(listing(folder)).toEqual(['log.csv']);
  });

  it('on an error part-way leaves the old file as it was and removes the temporary file', async () => {
    const folder = tempFolder();
    const file = path.join(folder, 'log.csv');
    writeFileSync(file, 'the old export\n');
    await expect(
      writeFileAtomically(file, async (sink) => {
        await sink('half of a new export');
        throw new Error('the disk went away');
      }),
    ).rejects.toThrow('the disk went away');
    expect(readFileSync(file, 'utf8')).toBe('the old export\n');
    expect(listing(folder)).toEqual(['log.csv']);
  });

  it('on an error creates nothing when there was no file', async () => {
    const folder = tempFolder();
    await expect(
      writeFileAtomically(path.join(folder, 'new.csv'), async () => {
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(listing(folder)).toEqual([]);
  });

  it('keeps the permissions of the file it replaces', async () => {
    const file = path.join(tempFolder(), 'private.csv');
    writeFileSync(file, 'old');
    chmodSync(file, 0o600);
    await writeFileAtomically(file, async (sink) => sink('new'));
    expect(permissions(statSync(file).mode)).toBe('600');
    expect(readFileSync(file, 'utf8')).toBe('new');
  });

  it('gives a new file normal permissions (readable by others unless the umask says no)', async () => {
    const file = path.join(tempFolder(), 'shared.csv');
    await writeFileAtomically(file, async (sink) => sink('x'));
    expect(statSync(file).mode & 0o600).toBe(0o600);
    expect(statSync(file).mode & 0o111).toBe(0);
  });

  it('fails in a folder that does not exist, without creating it', async () => {
    const folder = tempFolder();
    await expect(writeFileAtomically(path.join(folder, 'missing', 'log.csv'), async (sink) => sink('x'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(listing(folder)).toEqual([]);
  });
});
