// Every page's tab title follows the reader's language: each app/**/page.tsx exports
// `generateMetadata = pageTitle('<key>')` (lib/i18n/page-title.ts) and no fixed `metadata`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en, zh } from './ns/titles';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Pages without a title of their own: the home page has the layout's default (the platform's name); after-sign-in only redirects. */
const UNTITLED = new Set(['app/page.tsx', 'app/after-sign-in/page.tsx']);

function pages(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    return e.isDirectory() ? pages(rel) : e.name === 'page.tsx' ? [rel] : [];
  });
}

const TITLED = /^export const generateMetadata = pageTitle\('(\w+)'\);$/m;

describe('page titles', () => {
  const all = pages('app');

  it('finds the pages', () => {
    expect(all.length).toBeGreaterThan(40);
  });

  it('every page takes its title from pageTitle(key), none a fixed metadata title', () => {
    const wrong = all.filter((f) => {
      const text = fs.readFileSync(path.join(root, f), 'utf8');
      if (/export const metadata\b/.test(text)) return true;
      return UNTITLED.has(f) ? /generateMetadata/.test(text) : !TITLED.test(text);
    });
    expect(wrong).toEqual([]);
  });

  it('each title key names a page, with no key unused', () => {
    const used = all.map((f) => TITLED.exec(fs.readFileSync(path.join(root, f), 'utf8'))?.[1]).filter((k): k is string => !!k);
    expect(new Set(used).size).toBe(used.length);
    expect(used.sort()).toEqual(Object.keys(zh).sort());
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('the root layout titles every page in the reader language, with no fixed title', () => {
    const layout = fs.readFileSync(path.join(root, 'app/layout.tsx'), 'utf8');
    expect(layout).not.toMatch(/export const metadata\b/);
    expect(layout).toMatch(/template: `%s · \$\{t\('app\.name'\)\}`/);
  });
});
