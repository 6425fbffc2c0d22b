// Which database failures are the database's state rather than a bug: a server that is down or
// restarting, a statement or lock wait that ran out of time, a full pool, a database that refuses
// writes. The client retries the first kind where that is safe (db/client.ts); the edge answers
// all three with 503 and a clear message instead of a generic error.

/** The connection never reached the server: nothing was sent, so any statement may be sent again. */
export const NOT_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOENT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'CONNECT_TIMEOUT',
  '57P03' /* cannot_connect_now: starting up or shutting down */,
]);

/** The connection was lost or the server ended the session: whatever was in flight did not finish. */
export const CONNECTION_LOST = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  'ECONNRESET',
  'EPIPE',
  '57P01',
  '57P02',
  '08000',
  '08003',
  '08006',
]);

const BUSY = new Set([
  '57014', // query_canceled: statement_timeout
  '55P03', // lock_not_available: lock_timeout
  '53300', // too_many_connections
  'DB_POOL_TIMEOUT', // no pooled connection within DB_ACQUIRE_TIMEOUT_MS (db/client.ts)
]);

const READ_ONLY = new Set([
  '25006', // read_only_sql_transaction: default_transaction_read_only, a hot standby
  '53100', // disk_full
]);

export type DbFailure = 'unavailable' | 'busy' | 'read_only';

/** The codes on an error and its causes (drizzle wraps the driver's error in `cause`). */
export function errorCodes(e: unknown): string[] {
  const out: string[] = [];
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur && typeof cur === 'object'; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') out.push(code);
    cur = (cur as { cause?: unknown }).cause;
  }
  return out;
}

export function dbFailureOf(e: unknown): DbFailure | undefined {
  for (const code of errorCodes(e)) {
    if (NOT_CONNECTED.has(code) || CONNECTION_LOST.has(code)) return 'unavailable';
    if (BUSY.has(code)) return 'busy';
    if (READ_ONLY.has(code)) return 'read_only';
  }
  // PGlite cannot write its folder (disk full, read-only mount).
  const msg = e instanceof Error ? `${e.message} ${(e.cause as Error | undefined)?.message ?? ''}` : '';
  if (/\b(EROFS|ENOSPC|EACCES)\b/.test(msg)) return 'read_only';
  return undefined;
}
