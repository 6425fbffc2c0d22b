import type { Metadata } from 'next';
import type { zh as titles } from './ns/titles';
import { getT } from './server';

/**
 * A page's `generateMetadata`: its tab title in the reader's language, from `titles.<key>`
 * (lib/i18n/ns/titles.ts); the root layout's template appends the platform's name.
 * Usage: `export const generateMetadata = pageTitle('login');`
 */
export function pageTitle(key: keyof typeof titles): () => Promise<Metadata> {
  return async () => ({ title: (await getT())(`titles.${key}`) });
}
