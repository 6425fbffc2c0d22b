// The page cache's key reads the Cookie header as Next's cookies() does (the render's locale and
// session come from there): a header read differently would store a render under another key
// (a Chinese page for English visitors) or, worse, a signed-in render for visitors.
import { parseCookie } from 'next/dist/compiled/@edge-runtime/cookies';
import { describe, expect, it } from 'vitest';
import { isLocale } from '../i18n/translate';
import { pageKey } from './page-cache';

const key = (cookie: string) => pageKey({ method: 'GET', url: '/products', headers: { cookie } });

/** What the render sees: the locale Next's parser gives, and whether it finds a next-auth session cookie. */
function asNextReadsIt(cookie: string) {
  const jar = parseCookie(cookie);
  const v = jar.get('locale');
  return { locale: isLocale(v) ? v : 'zh', session: [...jar.keys()].some((n) => /next-auth\.session-token/.test(n)) };
}

const HEADERS = [
  'locale=en',
  'locale =en',
  'locale= en',
  'locale=en ; next-auth.csrf-token=x',
  'next-auth.csrf-token=x;\tlocale=en',
  'next-auth.csrf-token=x;locale=en',
  'next-auth.csrf-token=x;   locale=en',
  'locale=%65n',
  'locale=en%',
  'next-auth.csrf-token=x; locale=zh; next-auth.callback-url=%2F',
  'next-auth.csrf-token=x;\tnext-auth.session-token=abc',
  'next-auth.csrf-token=x; next-auth.session-token =abc',
  'next-auth.csrf-token=x, next-auth.session-token=abc',
  '__Secure-next-auth.session-token.0=abc; __Secure-next-auth.session-token.1=def',
  'NEXT-AUTH.SESSION-TOKEN=abc',
];

describe('pageKey and the Cookie header', () => {
  it.each(HEADERS)('%j: no key, or the key of the locale the render will use; never a key for a session', (cookie) => {
    const k = key(cookie);
    if (k === null) return;
    const seen = asNextReadsIt(cookie);
    expect(seen.session).toBe(false);
    expect(k).toBe(key(`locale=${seen.locale}`));
  });

  it('still keys the ordinary forms', () => {
    expect(key('locale=en')).not.toBeNull();
    expect(key('next-auth.csrf-token=x; locale=en')).toBe(key('locale=en'));
    expect(key('locale=en')).not.toBe(key('locale=zh'));
  });
});
