// JSON responses of the public API: typed errors map to status codes; messages in the caller's
// language (cookie or Accept-Language).
import { NextResponse } from 'next/server';
import { isAppError } from '@/lib/errors';
import { logError } from '@/lib/log';
import { getApiLocale } from '@/lib/i18n/server';
import { errorText, makeTranslate } from '@/lib/i18n/translate';

export async function apiError(status: number, code: string, messageKey: string, param?: string) {
  const t = makeTranslate(await getApiLocale());
  return NextResponse.json({ error: { code, message: errorText(t, messageKey), ...(param ? { param } : {}) } }, { status });
}

export async function apiFailure(e: unknown) {
  if (isAppError(e)) return apiError(e.status, e.code, e.messageKey, typeof e.details?.param === 'string' ? e.details.param : undefined);
  logError('api', e);
  return apiError(500, 'internal', 'generic');
}
