/** What a handler returns; `main` writes it (data to stdout, messages to stderr). */
export interface CommandOutput {
  stdout?: string;
  stderr?: string;
}

export type OutputFormat = 'text' | 'json';
