// Which app wrote a file, from its header row, never from its name: each app has changed its
// layout over the years (research/import-formats.md). Pure.
import { usageError } from '../../errors.js';
import { Columns } from './columns.js';
import { fitNotesReader, looksLikeFitNotes, missingFitNotesColumns } from './fitnotes.js';
import { hevyReader, looksLikeHevy, missingHevyColumns } from './hevy.js';
import type { ReaderOptions } from './reader-options.js';
import { looksLikeRehab, missingRehabColumns, RehabRowReader } from './rehab.js';
import { looksLikeStrong, missingStrongColumns, strongReader } from './strong.js';
import { FORMAT_NAMES, type FormatChoice, type ImportFormat, type RowReader } from './types.js';

interface FormatRule {
  format: ImportFormat;
  looksLike(columns: Columns): boolean;
  missing(columns: Columns): string[];
  reader(columns: Columns, options: ReaderOptions): RowReader;
}

// Order matters only for headers that would fit two: none do today.
const RULES: FormatRule[] = [
  {
    format: 'rehab',
    looksLike: looksLikeRehab,
    missing: missingRehabColumns,
    reader: (columns) => new RehabRowReader({ format: 'rehab', id: 'csv', description: 'CSV' }, columns),
  },
  { format: 'strong', looksLike: looksLikeStrong, missing: missingStrongColumns, reader: strongReader },
  { format: 'hevy', looksLike: looksLikeHevy, missing: missingHevyColumns, reader: hevyReader },
  { format: 'fitnotes', looksLike: looksLikeFitNotes, missing: missingFitNotesColumns, reader: fitNotesReader },
];

const KNOWN = 'rehab reads its own export and the CSV exports of Strong, Hevy and FitNotes.';

/**
 * The reader for a CSV file whose header row is `header` (trailing empty columns removed). With
 * `--from auto` the header decides; with a format named, the header must fit it. A header that
 * fits nothing, or lacks a column the format needs, is a usage error that says which.
 */
export function readerForHeader(header: string[], from: FormatChoice, options: ReaderOptions, fileName: string): RowReader {
  const columns = new Columns(header);
  const recognised = RULES.find((rule) => rule.looksLike(columns));
  const wanted = from === 'auto' ? recognised : RULES.find((rule) => rule.format === from);
  if (!wanted) {
    throw usageError(
      `The header row of ${fileName} is not one rehab knows (it starts ${describeHeader(header)}).`,
      `${KNOWN} Is the file one of those, saved as CSV?`,
    );
  }
  if (!wanted.looksLike(columns) || wanted.missing(columns).length > 0) {
    const missing = wanted.missing(columns);
    const what = missing.length > 0 ? `its header row has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}` : 'its header row does not fit';
    const other = recognised && recognised !== wanted ? `It looks like a ${FORMAT_NAMES[recognised.format]} export: leave out --from, or pass --from ${recognised.format}.` : KNOWN;
    throw usageError(`${fileName} does not look like a ${FORMAT_NAMES[wanted.format]} export: ${what}.`, other);
  }
  return wanted.reader(columns, options);
}

/** The first few header cells, quoted, for messages. */
function describeHeader(header: string[]): string {
  const shown = header.slice(0, 4).map((cell) => JSON.stringify(cell.length > 30 ? `${cell.slice(0, 27)}...` : cell));
  return `${shown.join(', ')}${header.length > 4 ? ', …' : ''}`;
}
