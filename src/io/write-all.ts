// How rehab writes what it prints: one synchronous write per message (src/main.ts, commander's help).
import { writeSync } from 'node:fs';

export const STDOUT = 1;
export const STDERR = 2;

/**
 * Writes all of `text` to stdout or stderr at once, as Node's own process.stdout does for files
 * and pipes, but without setting one up: a stream on a pipe loads Node's networking, a few ms of
 * a command that prints a line. A pipe its reader closed (`rehab history | head -1`) ends rehab
 * quietly, as it would end `cat`.
 */
export function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  let written = 0;
  while (written < bytes.length) {
    try {
      written += writeSync(fd, bytes, written);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
      // A pipe left non-blocking by another program, full for now: wait a moment for its reader.
      if (code === 'EAGAIN') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
      else throw error;
    }
  }
}
