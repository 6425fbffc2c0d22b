// Every server action goes through `serverAction`: parse the input with its zod schema, resolve the
// actor (fresh from the database) when roles are given, run one use case, and turn failures into
// a result the form can show. Unknown errors are logged (lib/server/log.ts: JSON, with the request id, without
// the query's parameters) and shown as a generic message.
import 'server-only';
import type { z } from 'zod';
import type { Actor, Role } from '../auth/actor';
import { requireActor } from '../auth/session';
import { dbFailureOf, errorCodes } from '../../db/failures';
import { isAppError } from '../core/errors';
import { log, logError } from './log';

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string>; vars?: Record<string, string> };

function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    out[key] ??= issue.message;
  }
  return out;
}

/** An error's message variables (details.vars), e.g. when to retry; strings only. */
function varsOf(details: Record<string, unknown> | undefined): Record<string, string> | undefined {
  const v = details?.vars;
  if (!v || typeof v !== 'object') return undefined;
  return Object.fromEntries(Object.entries(v).filter((x): x is [string, string] => typeof x[1] === 'string'));
}

export function toActionError(e: unknown): { ok: false; error: string; fieldErrors?: Record<string, string>; vars?: Record<string, string> } {
  if (isAppError(e)) {
    const field = typeof e.details?.field === 'string' ? e.details.field : undefined;
    const vars = varsOf(e.details);
    return { ok: false, error: e.messageKey, ...(field ? { fieldErrors: { [field]: e.messageKey } } : {}), ...(vars ? { vars } : {}) };
  }
  // The database is down, too slow or read-only: a clear message, not a bug report.
  const db = dbFailureOf(e);
  if (db) {
    log().warn({ where: 'action', db, code: errorCodes(e).at(-1) }, `database ${db}`);
    return { ok: false, error: `db_${db}` };
  }
  logError('action', e);
  return { ok: false, error: 'generic' };
}

export function publicAction<S extends z.ZodType, T>(schema: S, run: (input: z.output<S>) => Promise<T>) {
  return async (raw: z.input<S>): Promise<ActionResult<T>> => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: 'invalid', fieldErrors: fieldErrorsOf(parsed.error) };
    try {
      return { ok: true, data: await run(parsed.data) };
    } catch (e) {
      return toActionError(e);
    }
  };
}

export function actorAction<S extends z.ZodType, T>(
  roles: Role[],
  schema: S,
  run: (actor: Actor, input: z.output<S>) => Promise<T>,
  opts: { evenInactive?: boolean } = {},
) {
  return async (raw: z.input<S>): Promise<ActionResult<T>> => {
    try {
      const actor = await requireActor(roles, opts.evenInactive);
      const parsed = schema.safeParse(raw);
      if (!parsed.success) return { ok: false, error: 'invalid', fieldErrors: fieldErrorsOf(parsed.error) };
      return { ok: true, data: await run(actor, parsed.data) };
    } catch (e) {
      return toActionError(e);
    }
  };
}
