// Names stored in both languages (parks: name, nameEn): the one the reader's language asks for.
import type { Locale } from './translate';

export function localName(x: { name: string; nameEn: string }, locale: Locale): string {
  return locale === 'en' ? x.nameEn : x.name;
}

/** A row that carries its park's names beside its own columns (parkName, parkNameEn). */
export function localParkName(row: { parkName: string; parkNameEn: string }, locale: Locale): string {
  return localName({ name: row.parkName, nameEn: row.parkNameEn }, locale);
}
