// One way to fail: a small set of typed errors that map to an HTTP status and to a message key
// (translated at the edge). Anything else is a bug: logged, and shown as a generic message.
export type ErrorCode = 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited';

const STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** i18n key under `errors.` */
    readonly messageKey: string = code,
    readonly details?: Record<string, unknown>,
  ) {
    super(messageKey);
    this.name = 'AppError';
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/**
 * Runs `run` on `query`; when it is refused naming one of the query's parameters (an AppError whose
 * details.param is set, e.g. an unknown park or category code), tells `refused` and runs again
 * without that parameter, until it answers. A page then shows what it could, and says what it dropped.
 */
export async function withoutRefusedParams<Q extends object, R>(
  query: Q,
  run: (q: Q) => Promise<R>,
  refused: (param: string, messageKey: string) => void,
): Promise<{ query: Q; result: R }> {
  let q = query;
  for (;;) {
    try {
      return { query: q, result: await run(q) };
    } catch (e) {
      const param = isAppError(e) && typeof e.details?.param === 'string' ? e.details.param : '';
      if (!param || (q as Record<string, unknown>)[param] === undefined) throw e;
      refused(param, (e as AppError).messageKey);
      q = { ...q, [param]: undefined };
    }
  }
}

/** The Postgres error code of a failed query, through drizzle's wrapper and either driver. */
export function pgErrorCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

export function pgConstraint(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    const c = (cur as { constraint?: unknown; constraint_name?: unknown }).constraint ?? (cur as { constraint_name?: unknown }).constraint_name;
    if (typeof c === 'string') return c;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}
