// Fitting text to a terminal: widths that ignore colour codes, word wrapping with a hanging indent.
// Only for a terminal: in a pipe the caller passes no width and every line stays whole.

/** SGR colour and style sequences, as chalk writes them. */
const ANSI_SGR = /\x1b\[[0-9;]*m/g;

/** Words that belong to the number before them. */
const UNIT_WORD = /^(kg|lb|s|%)(?![\w])/;

/** The columns `text` takes on a terminal: colour codes take none, each code point one. */
export function visibleWidth(text: string): number {
  return [...text.replace(ANSI_SGR, '')].length;
}

/**
 * Word-wraps `text` to `width` columns: the first line starts with `firstIndent`, the others with
 * `indent`. The spaces between words are kept as they are (two spaces separate columns), except
 * where a line breaks. A word longer than a line stays whole: cutting it would lose data. With no
 * width (a pipe), the text is one line.
 */
export function wrapText(text: string, width: number | undefined, firstIndent: string, indent = firstIndent): string[] {
  if (width === undefined) return [`${firstIndent}${text}`];
  const lines: string[] = [];
  let line = firstIndent;
  let lineHasWord = false;
  for (const [, space = '', word = ''] of text.matchAll(/( *)([^ ]+)/g)) {
    const candidate = lineHasWord ? `${line}${space}${word}` : `${line}${word}`;
    // A unit stays with its number: `16 kg`, never `16` at the end of a line and `kg` on the next.
    if (lineHasWord && visibleWidth(candidate) > width && !(space === ' ' && UNIT_WORD.test(word))) {
      lines.push(line);
      line = `${indent}${word}`;
    } else {
      line = candidate;
    }
    lineHasWord = true;
  }
  lines.push(line);
  return lines;
}

/**
 * The width to fit text to: the terminal's when stdout is one, less one column so that a full
 * line never makes the terminal wrap on its own; undefined in a pipe.
 */
export function fitWidth(context: { terminalColumns?: number }): number | undefined {
  const columns = context.terminalColumns;
  return columns !== undefined && columns > 20 ? columns - 1 : undefined;
}
