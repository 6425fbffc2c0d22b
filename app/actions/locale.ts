'use server';
import { cookies } from 'next/headers';
import { isLocale, LOCALE_COOKIE } from '@/lib/i18n/translate';

export async function setLocale(formData: FormData) {
  // Anything else posted to this action (JSON, a bare value) changes nothing instead of throwing.
  if (!(formData instanceof FormData)) return;
  const locale = formData.get('locale');
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax' });
}
