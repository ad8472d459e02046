// A header row, and the cells of a row looked up by column name. Pure.

/** The columns of a header row, found by name (trimmed, any case). */
export class Columns {
  private readonly index = new Map<string, number>();
  /** `cell`'s lookups by the name as asked (a reader asks the same few names for every row). */
  private readonly positions = new Map<string, number>();

  /** `header` as read, without trailing empty columns. */
  constructor(readonly header: readonly string[]) {
    header.forEach((name, position) => {
      const key = Columns.key(name);
      if (key !== '' && !this.index.has(key)) this.index.set(key, position);
    });
  }

  static key(name: string): string {
    return name.trim().toLowerCase();
  }

  has(name: string): boolean {
    return this.index.has(Columns.key(name));
  }

  /** The names of `names` the header lacks. */
  missing(names: readonly string[]): string[] {
    return names.filter((name) => !this.has(name));
  }

  /** The cell of column `name` in `fields`, or '' when the header has no such column. */
  cell(fields: readonly string[], name: string): string {
    let position = this.positions.get(name);
    if (position === undefined) {
      position = this.index.get(Columns.key(name)) ?? -1;
      this.positions.set(name, position);
    }
    return position === -1 ? '' : (fields[position] ?? '');
  }
}

/** The header without its trailing empty columns (`a,b,c,` has three). */
export function trimTrailingEmpty(fields: readonly string[]): string[] {
  let end = fields.length;
  while (end > 0 && (fields[end - 1] ?? '').trim() === '') end -= 1;
  return fields.slice(0, end);
}
