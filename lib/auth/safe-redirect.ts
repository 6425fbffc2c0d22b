// Where to send a user after sign-in (callbackUrl, returnTo): only a path on this site. Browsers
// strip tabs and newlines and read a backslash as a slash before resolving, so "/\t/evil.example"
// and "/\evil.example" both become //evil.example; a prefix check cannot see that. Parse the way
// a browser does and require the same origin instead.
const PLACEHOLDER_ORIGIN = 'http://kerongtong.invalid';
// C0 controls, DEL and their percent-encoded forms: nothing legitimate needs them in a path.
const CONTROL = /[\u0000-\u001f\u007f]|%(?:[01][0-9a-f]|7f)/i;

function sameOriginPath(value: string, origin: string): string | null {
  if (CONTROL.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments can normalise to "//host" ("/.//evil.example"): that is another site again.
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return null;
  return path;
}

/**
 * A same-origin path ("/admin?x=1") or null. A relative value must start with "/"; an absolute
 * one is accepted only on `origin` (next-auth hands those over). The value and its one-time
 * decoding must both be safe, so an encoded "//" or "\" does not get through a second decoder.
 */
export function safeCallbackPath(value: string | null | undefined, origin?: string): string | null {
  if (!value) return null;
  const base = origin ? new URL(origin).origin : PLACEHOLDER_ORIGIN;
  if (!value.startsWith('/') && !(origin && value.startsWith(`${base}/`))) return null;
  const path = sameOriginPath(value, base);
  if (!path) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  return sameOriginPath(decoded, base) ? path : null;
}
