const REHAB_ERROR = Symbol.for('rehab.RehabError');

/**
 * The one error type users see. `usage` errors (bad or missing input) exit 2, `runtime` errors
 * (a file that cannot be used, a database problem) exit 1. The message is one full sentence;
 * the hint, when there is one, says what would be right.
 */
export class RehabError extends Error {
  override readonly name = 'RehabError';
  /** Marks rehab's errors across bundles: each command's bundle has its own copy of this class. */
  readonly [REHAB_ERROR] = true;

  /** True for a RehabError from any bundle (where `instanceof` sees only its own bundle's class). */
  static is(value: unknown): value is RehabError {
    return typeof value === 'object' && value !== null && (value as { [REHAB_ERROR]?: boolean })[REHAB_ERROR] === true;
  }

  /** Lines printed under the message, indented (a plan's problems, one each); usually none. */
  readonly details: readonly string[];

  constructor(
    readonly code: 'usage' | 'runtime',
    message: string,
    readonly hint?: string,
    options?: { cause?: unknown; details?: readonly string[] },
  ) {
    super(message, options);
    this.details = options?.details ?? [];
  }

  get exitCode(): 1 | 2 {
    return this.code === 'usage' ? 2 : 1;
  }
}

/** Shorthand for the common case: input that cannot be understood. */
export function usageError(message: string, hint?: string, details?: readonly string[]): RehabError {
  return new RehabError('usage', message, hint, { details });
}

export function runtimeError(message: string, hint?: string, cause?: unknown): RehabError {
  return new RehabError('runtime', message, hint, { cause });
}

/** A bug in rehab itself, not something the user did; reported with a request to file an issue. */
export class InternalError extends Error {
  override readonly name = 'InternalError';
}
