/** What a handler returns; `main` writes it (data to stdout, messages to stderr). */
export interface CommandOutput {
  stdout?: string;
  stderr?: string;
  /**
   * Output made as it is written (`rehab history`): `main` writes each piece as it comes, after
   * `stderr` and `stdout`. The last piece ends with a line break.
   */
  pieces?: Iterable<string>;
  /**
   * Output too large to hold as one string (`rehab export`): `main` calls it after writing
   * `stderr` and `stdout`, and it writes to `out` itself, waiting for 'drain' when told to.
   */
  stream?: (out: NodeJS.WritableStream) => Promise<void>;
}

export type OutputFormat = 'text' | 'json';
