// Names stored in both languages (parks: name, nameEn): the one the reader's language asks for.
import type { Locale } from './translate';

export function localName(x: { name: string; nameEn: string }, locale: Locale): string {
  return locale === 'en' ? x.nameEn : x.name;
}
