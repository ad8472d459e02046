import type { ChunkSink } from './export-writer.js';

/**
 * A sink that writes to a stream (stdout) with backpressure: when the stream's buffer is full it
 * waits for 'drain'. If the stream fails or closes first (the reader went away: `| head -1`),
 * the promise rejects instead of waiting forever; main treats EPIPE as a normal end.
 *
 * A chunk the stream took at once (stdout to a file writes synchronously) still resolves on the
 * next turn of the event loop: a long export would otherwise never leave the microtask queue, and
 * V8's garbage collection tasks would wait for its end (measured: 2–3 MB less memory at 1M sets).
 */
export function streamSink(out: NodeJS.WritableStream): ChunkSink {
  return (chunk) =>
    new Promise<void>((resolve, reject) => {
      if (out.write(chunk)) {
        setImmediate(resolve);
        return;
      }
      const settle = (error?: Error): void => {
        out.off('drain', onDrain);
        out.off('error', onError);
        out.off('close', onClose);
        if (error) reject(error);
        else resolve();
      };
      const onDrain = (): void => settle();
      const onError = (error: Error): void => settle(error);
      const onClose = (): void => settle(Object.assign(new Error('The output was closed before everything was written.'), { code: 'EPIPE' }));
      out.on('drain', onDrain);
      out.on('error', onError);
      out.on('close', onClose);
    });
}
