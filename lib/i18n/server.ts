import 'server-only';
import { cookies, headers } from 'next/headers';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, makeTranslate, type Locale, type Translate } from './translate';

/** The cookie set by the language switch; else Simplified Chinese. */
export async function getLocale(): Promise<Locale> {
  const v = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(v) ? v : DEFAULT_LOCALE;
}

export async function getT(): Promise<Translate> {
  return makeTranslate(await getLocale());
}

/** For JSON APIs: the cookie, else Accept-Language, else Chinese. */
export async function getApiLocale(): Promise<Locale> {
  const v = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(v)) return v;
  const accept = (await headers()).get('accept-language') ?? '';
  return /^en\b/i.test(accept) ? 'en' : DEFAULT_LOCALE;
}
