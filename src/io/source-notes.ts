// Sources that read the same under every exercise or milestone, explained once per output.

/**
 * `text` as shown, given the `explained` notes an earlier line of the same output has shown.
 * A text ending with one of `notes` (its words → its short name) shows it whole the first time;
 * after that the short name stands in for it (`Pain-monitoring model (Silbernagel 2007, from
 * Thomeé 1997): as above.`), so a list of twenty prescriptions held for the same reason does not
 * explain the same study twenty times. JSON keeps every text whole.
 */
export function explainedOnce(text: string, notes: ReadonlyMap<string, string>, explained: Set<string>): string {
  for (const [note, name] of notes) {
    if (!text.endsWith(note)) continue;
    if (!explained.has(note)) {
      explained.add(note);
      return text;
    }
    return `${text.slice(0, text.length - note.length)}${name}: as above.`;
  }
  return text;
}
