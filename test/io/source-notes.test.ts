import { describe, expect, it } from 'vitest';
import { MILESTONE_SOURCE_NOTES } from '../../src/domain/milestones.js';
import { SOURCE_NOTES } from '../../src/domain/progression.js';
import { explainedOnce } from '../../src/io/source-notes.js';

const NOTES = new Map([
  ['Study A (Author 2001): what it found, at length.', 'Study A (Author 2001)'],
  ['Study B: another finding.', 'Study B'],
]);

describe('explainedOnce: a source the same under every exercise is explained once per output', () => {
  it('shows a note whole the first time, then its short name, whether it is the whole text or its end', () => {
    const explained = new Set<string>();
    const shown = [
      'Study A (Author 2001): what it found, at length.',
      'Held at 20 kg. Study A (Author 2001): what it found, at length.',
      'Study A (Author 2001): what it found, at length.',
    ].map((text) => explainedOnce(text, NOTES, explained));
    expect(shown).toEqual([
      'Study A (Author 2001): what it found, at length.',
      'Held at 20 kg. Study A (Author 2001): as above.',
      'Study A (Author 2001): as above.',
    ]);
  });

  it('keeps each note apart, leaves other text as it is, and starts afresh with a new output', () => {
    const explained = new Set<string>();
    expect(explainedOnce('Study B: another finding.', NOTES, explained)).toBe('Study B: another finding.');
    expect(explainedOnce('Study A (Author 2001): what it found, at length.', NOTES, explained)).toBe('Study A (Author 2001): what it found, at length.');
    expect(explainedOnce('Start again at the bottom of the range (8 reps).', NOTES, explained)).toBe('Start again at the bottom of the range (8 reps).');
    expect(explainedOnce('Start again at the bottom of the range (8 reps).', NOTES, explained)).toBe('Start again at the bottom of the range (8 reps).');
    expect(explainedOnce('Study B: another finding.', NOTES, new Set())).toBe('Study B: another finding.');
  });

  it("the short name of each of the rules' and the milestones' notes cites what the note cites, so a reader can tell which source stands there", () => {
    for (const [note, name] of [...SOURCE_NOTES, ...MILESTONE_SOURCE_NOTES]) {
      expect(name.split(' ')[0], `${name} → ${note}`).toBe(note.split(/[ :]/)[0]);
      for (const [authorYear] of name.matchAll(/\p{Lu}[\p{L}'’]+ \d{4}/gu)) expect(note, name).toContain(authorYear);
    }
  });
});
