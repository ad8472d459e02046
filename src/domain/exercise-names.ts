// Matching exercise names the way people type them: any case, any spacing, sometimes misspelt.
// Pure: the candidates come from the caller.

/**
 * The form names are compared in: trimmed, inner spaces collapsed, lower case. NFC (after
 * lower-casing, which can decompose) so an accented name typed on another system still matches.
 */
export function normaliseName(text: string): string {
  return text.toLowerCase().normalize('NFC').trim().replace(/\s+/g, ' ');
}

/**
 * Edit distance with adjacent transpositions (optimal string alignment): `sqaut` → `squat` is 1,
 * the commonest typo. Works on code points so accented letters count once.
 */
function editDistance(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  // Three rolling rows: the transposition step looks two rows back.
  let before: number[] = [];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, (before[j - 2] ?? 0) + 1);
      current.push(d);
    }
    before = previous;
    previous = current;
  }
  return previous[t.length] ?? 0;
}

/**
 * How far off a name may be and still be suggested: 2 edits, or 40 % of what was typed. One word
 * of a longer name gets a floor of 1 edit, not 2: with many words to compare against, 2 edits
 * in a 3-letter word (`gob` → `dog`) match far too much.
 */
function allowedDistance(input: string, floor: number): number {
  return Math.max(floor, Math.floor(Array.from(input).length * 0.4));
}

/**
 * How close `candidate` is to `input` (both normalised), lower is better, or undefined when it is
 * not worth suggesting. Whole-name typos rank by their distance; a typo in one word (or run of
 * words) of a longer name (`sqaut` → `goblet squat`) ranks half a step behind.
 */
function closeness(input: string, candidate: string): number | undefined {
  const scores: number[] = [];

  const whole = editDistance(input, candidate);
  if (whole <= allowedDistance(input, 2)) scores.push(whole);

  // Compare against every run of as many words as were typed.
  const inputWords = input.split(' ');
  const words = candidate.split(' ');
  for (let start = 0; start + inputWords.length <= words.length; start++) {
    const part = words.slice(start, start + inputWords.length).join(' ');
    if (part === candidate) continue;
    const distance = editDistance(input, part);
    if (distance <= allowedDistance(input, 1)) scores.push(distance + 0.5);
  }

  // A word that starts with what was typed is a strong hint (`gob` → `goblet squat`), though less
  // than a one-letter typo; containment a little weaker. One letter would match nearly
  // everything, so both need two.
  if (Array.from(input).length >= 2) {
    if (words.some((word) => word.startsWith(input))) scores.push(1.25);
    else if (candidate.includes(input)) scores.push(1.75);
  }
  return scores.length === 0 ? undefined : Math.min(...scores);
}

/**
 * The closest names to a misspelt one, best first, at most `max`, for "did you mean…" messages.
 * Returns the candidates as given (first spelling wins when two normalise alike), only those
 * reasonably close: within max(2, 40 % of the length) edits of the whole name or one of its words,
 * or containing what was typed.
 */
export function suggestNames(input: string, candidates: string[], max = 3): string[] {
  const wanted = normaliseName(input);
  if (wanted === '' || max <= 0) return [];
  const seen = new Set<string>();
  const ranked: { name: string; normal: string; score: number }[] = [];
  for (const name of candidates) {
    const normal = normaliseName(name);
    if (normal === '' || seen.has(normal)) continue;
    seen.add(normal);
    const score = closeness(wanted, normal);
    if (score !== undefined) ranked.push({ name, normal, score });
  }
  ranked.sort(
    (a, b) =>
      a.score - b.score ||
      Math.abs(a.normal.length - wanted.length) - Math.abs(b.normal.length - wanted.length) ||
      (a.normal < b.normal ? -1 : a.normal > b.normal ? 1 : 0),
  );
  return ranked.slice(0, max).map((entry) => entry.name);
}
