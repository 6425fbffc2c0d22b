// JSON responses of the public API: typed errors map to status codes; messages in the caller's
// language (cookie or Accept-Language).
import { NextResponse } from 'next/server';
import { isAppError } from '@/lib/core/errors';
import { log, logError } from '@/lib/server/log';
import { dbFailureOf, errorCodes } from '@/db/failures';
import { getApiLocale } from '@/lib/i18n/server';
import { errorText, makeTranslate } from '@/lib/i18n/translate';

export async function apiError(status: number, code: string, messageKey: string, param?: string) {
  const t = makeTranslate(await getApiLocale());
  return NextResponse.json({ error: { code, message: errorText(t, messageKey), ...(param ? { param } : {}) } }, { status });
}

export async function apiFailure(e: unknown) {
  if (isAppError(e)) return apiError(e.status, e.code, e.messageKey, typeof e.details?.param === 'string' ? e.details.param : undefined);
  // The database is down, too slow or read-only: 503 with a clear message and when to retry.
  const db = dbFailureOf(e);
  if (db) {
    log().warn({ where: 'api', db, code: errorCodes(e).at(-1) }, `database ${db}`);
    const res = await apiError(503, `db_${db}`, `db_${db}`);
    res.headers.set('retry-after', db === 'read_only' ? '60' : '5');
    return res;
  }
  logError('api', e);
  return apiError(500, 'internal', 'generic');
}
