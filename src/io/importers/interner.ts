/**
 * One copy of each repeated string (exercise names, dates, notes repeated on every set of an
 * exercise): a 100,000-row import then holds a few thousand strings rather than half a million.
 * Only strings up to 200 characters are kept, so a file of long unique notes does not double up.
 */
export class Interner {
  private readonly strings = new Map<string, string>();

  get(text: string): string {
    if (text.length > 200) return text;
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    // A copy, so the kept string does not pin the larger chunk it was sliced from.
    const copy = (' ' + text).slice(1);
    this.strings.set(copy, copy);
    return copy;
  }
}
