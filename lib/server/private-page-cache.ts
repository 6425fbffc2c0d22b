// Whole answers of a signed-in user's own list pages (the officers' queue, an enterprise's
// applications) and the admin dashboard, kept per instance for that user only (issue 10: rendering a signed-in page on every
// request cannot reach half the static ceiling). scripts/server.ts puts it in front of Next's request
// handler, beside the public pages' cache (lib/server/page-cache.ts), whose mechanics it shares: a
// fresh CSP nonce and the request's own id in every answer, concurrent misses rendered once, a bound
// on the bytes kept.
//
// Key: the user id from the session token (decrypted and checked as next-auth does, so nobody can
// name another user), the user's account state as the database has it now (name, role,
// organisation and its standing, session version, unread count: lib/auth/account.ts accountState),
// the path and sorted query, the locale cookie, x-forwarded-proto and host, all under the data
// version (db/queries/figures.ts: every committed write to any table these pages read changes it,
// on every instance, since it is read from PostgreSQL on every request). Account and version come
// from one statement (lib/server/private-page-source.ts), which also refuses the key (so the page
// renders as usual) for a bad or ended session or an organisation that may not act.
//
// A render is kept only when it answered 200 text/html without Set-Cookie and loaded the session
// exactly as keyed (lib/server/session-reads.ts): the same user in the same account state. An entry
// lives PRIVATE_PAGE_TTL_MS (30 s) at most, for what a page derives from the clock (how long an
// application has waited, the needs gone stale). Only the pages in PAGES, with the queries listed
// there: pages that read nothing the data version leaves out (notifications, access logs: they
// write on read or change without a version bump) and write nothing.
//
// Not kept, as for the public cache: RSC payload and prefetch requests, server actions, requests
// with an Authorization header or any cookie besides the locale, the session token, next-auth's
// CSRF and callback cookies and the sign-in device cookie.
import type http from 'node:http';
import { DEFAULT_LOCALE, LOCALE_COOKIE } from '../i18n/translate';
import { applicationMachine } from '../machines/application';
import { dashboardQuerySchema } from '../validation/figures';
import { noteUser } from './log-context';
import {
  decodeCookie,
  localeOfCookie,
  type PageCache,
  pageRequestParts,
  type RenderWatch,
  requestCookies,
  requestKey,
  serveThroughCache,
  validQuery,
} from './page-cache';
import { privatePageSource, recordSessionReads, type PrivatePageSource } from './session-reads';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

/** How long a kept signed-in page is answered at most (what it derives from the clock). */
export const PRIVATE_PAGE_TTL_MS = 30_000;

/** Pages past the first few are rendered every time: no user can fill the cache by walking page numbers. */
const PAGE_NUMBER = /^([1-9]|1[0-9]|20)$/;
/** Entries one user may hold at once (their least recently used go first), so no user can push out everyone else's. */
export const ENTRIES_PER_USER = 8;
const APPLICATION_STATE = new Set<string>(applicationMachine.states);
const DASHBOARD_PARAMS = new Set(Object.keys(dashboardQuerySchema.shape));

/** Each parameter once, each known to the page and valid for it. */
const eachOf =
  (allowed: Record<string, (v: string) => boolean>) =>
  (params: URLSearchParams): boolean => {
    const seen = new Set<string>();
    for (const [name, value] of params) {
      if (seen.has(name) || !Object.hasOwn(allowed, name) || !allowed[name](value)) return false;
      seen.add(name);
    }
    return true;
  };

/**
 * The pages, and for each which queries are worth an entry (anything else renders as usual, so
 * made-up queries cannot fill the cache). Whether a page reads the read replica: such a page is kept
 * only when no replica is configured (its data could lag the version, which is read on the primary).
 */
const PAGES: Record<string, { query: (params: URLSearchParams) => boolean; readsReplica?: boolean }> = {
  '/institution/applications': { query: eachOf({ page: (v) => PAGE_NUMBER.test(v), status: (v) => APPLICATION_STATE.has(v) }) },
  '/enterprise/applications': { query: eachOf({ page: (v) => PAGE_NUMBER.test(v) }) },
  // The zone's figures: computed through the figure cache under the same data version; the stale
  // needs it lists depend on the clock (the entry's 30 s).
  '/admin/dashboard': { query: (params) => validQuery(params, DASHBOARD_PARAMS, dashboardQuerySchema), readsReplica: true },
};

/** Cookies that change nothing on these pages (besides the locale and the session, which key them). */
const NEUTRAL_COOKIES = new Set([
  'next-auth.csrf-token',
  '__Host-next-auth.csrf-token',
  'next-auth.callback-url',
  '__Secure-next-auth.callback-url',
  'krt-device',
  '__Host-krt-device',
]);

/** next-auth's session cookie, by whether the site is served over https (as next-auth names it). */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Secure-next-auth.session-token' : 'next-auth.session-token';
}

/**
 * For a request for one of the kept pages: its session token and the key of everything but the
 * user; null when its answer must not come from the cache.
 */
export function privatePageRequest(
  req: Pick<http.IncomingMessage, 'method' | 'url' | 'headers'>,
  secure: boolean,
  o: { replica?: boolean } = {},
): { token: string; key: string } | null {
  const parts = pageRequestParts(req);
  if (!parts) return null;
  const { pathname, params } = parts;
  const page = Object.hasOwn(PAGES, pathname) ? PAGES[pathname] : undefined;
  if (!page || (page.readsReplica && o.replica)) return null;
  if (!page.query(params)) return null;
  params.sort();
  const tokenName = sessionCookieName(secure);
  let token: string | null = null;
  let locale: string | null = null;
  for (const [name, value] of requestCookies(req.headers.cookie)) {
    if (name === tokenName) {
      if (token !== null) return null;
      token = value;
    } else if (name === LOCALE_COOKIE) {
      if (locale !== null) return null;
      locale = localeOfCookie(value);
    } else if (!NEUTRAL_COOKIES.has(name)) return null;
  }
  // Next drops a cookie whose value is not valid URL-encoding (no session then): so does this.
  const decoded = token ? decodeCookie(token) : null;
  return decoded ? { token: decoded, key: requestKey(pathname, params, locale ?? DEFAULT_LOCALE, req.headers) } : null;
}

/**
 * The render's watch: kept only when every session load of the render was this user in this state,
 * and the render did not say it is passing (session-reads.ts notePassingRender).
 */
function sessionWatch(userId: string, state: string, until: number): RenderWatch {
  return (render) => {
    const { reads, result } = recordSessionReads(render);
    return {
      result,
      keepUntil: () => (!reads.passing && reads.loads.length > 0 && reads.loads.every((l) => l.userId === userId && l.state === state) ? until : null),
    };
  };
}

export interface PrivatePageCacheOptions {
  /** Whether the site is served over https (next-auth's cookie names then carry __Secure-). */
  secure: boolean;
  /** Whether a read replica is configured (DATABASE_REPLICA_URL): pages that read it are not kept. */
  replica?: boolean;
  /** The key source; the one instrumentation.ts registered when not given. */
  source?: PrivatePageSource;
  ttlMs?: number;
}

/** Next's request handler with the kept signed-in pages answered from `cache` when they can be. */
export function withPrivatePageCache(handle: Handler, cache: PageCache, o: PrivatePageCacheOptions): Handler {
  return async (req, res) => {
    const request = privatePageRequest(req, o.secure, { replica: o.replica });
    if (!request) return handle(req, res);
    const source = o.source ?? privatePageSource();
    if (!source) return handle(req, res);
    let state: Awaited<ReturnType<PrivatePageSource>>;
    try {
      state = await source(request.token);
    } catch {
      // The database could not be read: render, which reports the failure.
      return handle(req, res);
    }
    if (!state) return handle(req, res);
    // The request's log line names its user, as a render's session load would (lib/auth/session.ts).
    noteUser(state.userId);
    const full = JSON.stringify([state.version, state.userId, state.state, request.key]);
    const until = cache.now() + (o.ttlMs ?? PRIVATE_PAGE_TTL_MS);
    await serveThroughCache(
      { handle, cache, full, version: state.version, watch: sessionWatch(state.userId, state.state, until), owner: state.userId },
      req,
      res,
    );
  };
}
