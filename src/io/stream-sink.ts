import type { ChunkSink } from './export-writer.js';

/**
 * A sink that writes to a stream (stdout) with backpressure: when the stream's buffer is full it
 * waits for 'drain'. If the stream fails or closes first (the reader went away: `| head -1`),
 * the promise rejects instead of waiting forever; main treats EPIPE as a normal end.
 */
export function streamSink(out: NodeJS.WritableStream): ChunkSink {
  return (chunk) =>
    new Promise<void>((resolve, reject) => {
      if (out.write(chunk)) {
        resolve();
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
