// Text that arrives a chunk at a time, put back together after a look at its start.

/** `text` as a stream of one chunk. */
export async function* single(text: string): AsyncGenerator<string> {
  yield text;
}

/** `text`, then the chunks of `rest`. */
export async function* prepend(text: string, rest: AsyncIterable<string>): AsyncGenerator<string> {
  yield text;
  yield* rest;
}
