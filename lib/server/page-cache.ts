// Whole responses of the public pages (/, /products, /products/{id}) for visitors without a session,
// kept per instance (issue 10: rendering a page on every request cannot reach half the static
// ceiling). scripts/server.ts puts it in front of Next's request handler.
//
// Key: the path and sorted query, the locale cookie, the x-forwarded-proto and host, and Next's bot
// class (bots get metadata in <head>), all under the catalogue version this instance knows
// (lib/products/public-cache.ts: PostgreSQL triggers bump it on every product, institution, park or
// LPR change; an instance trusts what it read for at most CATALOGUE_VERSION_TTL_MS). A render is
// kept under version V only when every catalogue read it made was answered at V or later
// (lib/server/render-reads.ts), so a published or suspended product shows on every instance as soon
// as that instance reads the new version. An entry ends when the oldest catalogue value its render
// used would have expired in the catalogue cache itself (ENTRY_TTL_MS there: the data that changes
// without a version bump, like response-time medians and the landing page's counts), or when the
// least recently used entries are dropped to stay within PAGE_CACHE_MB.
//
// Not kept: anything but a 200 text/html answer without Set-Cookie, requests with any cookie but
// the locale and next-auth's CSRF and callback cookies (so never a signed-in visitor), RSC payload
// and prefetch requests, server actions, requests with an Authorization header.
//
// Per response, not per render: the CSP nonce and the request id. A miss renders with a marker in
// place of the request id (the layout writes it into a meta tag); the stored template has the
// render's nonce and the marker cut out, and every later answer from it gets a fresh nonce in both
// the CSP header and the HTML (the miss itself keeps its render's, made for it), and each answer its
// own request id. So a cached page is as strong against script injection as a fresh render
// (SECURITY.md, "Cached public pages"). A miss is rendered uncompressed (Accept-Encoding dropped)
// and buffered whole; concurrent misses of one key wait (up to 5 s) for the first.
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { getBotType } from 'next/dist/shared/lib/router/utils/is-bot';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from '../i18n/translate';
import { catalogueQuerySchema } from '../validation/catalogue';
import { newNonce } from './csp';
import { pageCacheAnswered } from './metrics';
import { currentCatalogueVersion, recordCatalogueReads } from './render-reads';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const PAGES = new RegExp(`^/(?:products(?:/${UUID})?)?$`);
/** Cookies that change nothing on a public page (besides the locale, which is part of the key). */
const NEUTRAL_COOKIES = new Set(['next-auth.csrf-token', '__Host-next-auth.csrf-token', 'next-auth.callback-url', '__Secure-next-auth.callback-url']);
/** Request headers under which Next answers something other than the page's HTML, or for someone. */
const NOT_A_PAGE_REQUEST = [
  'authorization',
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-url',
  'next-action',
  'x-middleware-subrequest',
  'range',
];
/** Response headers not replayed from the render: per response, per connection, or recomputed. */
const NOT_REPLAYED = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'x-request-id', 'etag', 'x-krt-page-cache']);

/** A plain GET for a page (no RSC, router, action or range headers): its path and query; else null. */
export function pageRequestParts(req: Pick<http.IncomingMessage, 'method' | 'url' | 'headers'>): { pathname: string; params: URLSearchParams } | null {
  if (req.method !== 'GET') return null;
  for (const name of NOT_A_PAGE_REQUEST) if (req.headers[name] !== undefined) return null;
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  return { pathname: q < 0 ? url : url.slice(0, q), params: new URLSearchParams(q < 0 ? '' : url.slice(q + 1)) };
}

/**
 * The request's cookies, split and named exactly as Next's cookies() does (@edge-runtime/cookies:
 * split at `; *`, the name and value as written, nothing trimmed): a name read differently here
 * (` locale=en`, `locale =en`, `locale= en`) would key a render in one language under the other's key.
 */
export function requestCookies(header: string | undefined): [name: string, value: string][] {
  const out: [string, string][] = [];
  for (const c of (header ?? '').split(/; */)) {
    if (!c) continue;
    const eq = c.indexOf('=');
    out.push(eq < 0 ? [c, ''] : [c.slice(0, eq), c.slice(eq + 1)]);
  }
  return out;
}

/** A cookie value URL-decoded, or null when it is not valid URL-encoding. */
export function decodeCookie(v: string): string | null {
  try {
    return decodeURIComponent(v);
  } catch {
    return null;
  }
}

/** The locale a `locale` cookie value names, as the app reads it (unknown: the default). */
export function localeOfCookie(value: string): string {
  const v = decodeCookie(value) ?? value;
  return isLocale(v) ? v : DEFAULT_LOCALE;
}

/** What a page's answer depends on besides its data and its reader: path, sorted query, locale, proto, host, bot class. */
export function requestKey(pathname: string, sortedParams: URLSearchParams, locale: string, h: http.IncomingHttpHeaders): string {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(',') : (v ?? ''));
  return JSON.stringify([pathname, sortedParams.toString(), locale, one(h['x-forwarded-proto']), one(h.host), getBotType(one(h['user-agent'])) ?? '']);
}

/** Each parameter at most once, each among `names`, and together valid for `schema`. */
export function validQuery(params: URLSearchParams, names: ReadonlySet<string>, schema: { safeParse(v: unknown): { success: boolean } }): boolean {
  const seen = new Set<string>();
  for (const name of params.keys()) {
    if (!names.has(name) || seen.has(name)) return false;
    seen.add(name);
  }
  return schema.safeParse(Object.fromEntries(params)).success;
}

/** The cache key of a request for a public page, or null when its answer must not come from the cache. */
export function pageKey(req: Pick<http.IncomingMessage, 'method' | 'url' | 'headers'>): string | null {
  const parts = pageRequestParts(req);
  if (!parts) return null;
  const { pathname, params } = parts;
  if (!PAGES.test(pathname)) return null;
  if (!cacheableQuery(pathname, params)) return null;
  params.sort();
  let locale: string | null = null;
  for (const [name, value] of requestCookies(req.headers.cookie)) {
    if (name === LOCALE_COOKIE) {
      if (locale !== null) return null;
      locale = localeOfCookie(value);
    } else if (!NEUTRAL_COOKIES.has(name)) return null;
  }
  return requestKey(pathname, params, locale ?? DEFAULT_LOCALE, req.headers);
}

/** Catalogue parameters a cached /products page may carry (lib/validation/catalogue.ts), free text aside. */
const CATALOGUE_PARAMS = new Set(Object.keys(catalogueQuerySchema.shape).filter((k) => k !== 'q'));

/**
 * Which queries are worth a cache entry: none on the landing and product pages, and on the catalogue
 * only a valid filter with each parameter once and no free-text search. Anything else is rendered
 * as usual, so made-up or endless queries cannot fill the cache and push the real pages out.
 */
function cacheableQuery(pathname: string, params: URLSearchParams): boolean {
  if (params.size === 0) return true;
  if (pathname !== '/products') return false;
  return validQuery(params, CATALOGUE_PARAMS, catalogueQuerySchema);
}

const NONCE = 0;
const REQUEST_ID = 1;
type Segment = Buffer | typeof NONCE | typeof REQUEST_ID;

interface Entry {
  version: number;
  segments: Segment[];
  /** The render's headers; `nonce` in their values is replaced per answer (the CSP header). */
  headers: [string, string | string[]][];
  nonce: string;
  bytes: number;
  expiresAt: number;
  /** Whose page it is (the private cache: a user id), for PageCacheOptions.perOwner. */
  owner?: string;
}

export interface PageCacheOptions {
  /** Which cache, in the metrics: the public pages' (default) or the signed-in users' (lib/server/private-page-cache.ts). */
  name?: 'public' | 'private';
  /** Bound on the bodies kept, in bytes. */
  maxBytes: number;
  /** How long a catalogue value stays in the catalogue cache (lib/products/public-cache.ts ENTRY_TTL_MS). */
  ttlMs: number;
  /** The catalogue version known now; null when not known yet (nothing is cached then). */
  version?: () => Promise<number> | null;
  now?: () => number;
  /** At most this many entries of one owner (CacheLookup.owner), its least recently used dropped first. */
  perOwner?: number;
  /** How long a request waits for another request's render of the same page before rendering it itself (5 s). */
  waitForRenderMs?: number;
}

export class PageCache {
  private readonly entries = new Map<string, Entry>();
  readonly pending = new Map<string, Promise<Entry | null>>();
  private latest = 0;
  bytes = 0;
  readonly stats = { hits: 0, misses: 0, stored: 0 };
  readonly maxEntryBytes: number;

  constructor(readonly options: PageCacheOptions) {
    this.maxEntryBytes = Math.min(2 * 1024 * 1024, Math.floor(options.maxBytes / 4));
  }

  now(): number {
    return this.options.now?.() ?? Date.now();
  }

  version(): Promise<number> | null {
    return (this.options.version ?? currentCatalogueVersion)();
  }

  /**
   * A version read for a request. Versions only grow while the database lives on; a lower one means
   * it was restored or failed over to a copy that lost commits, and the same number may come back
   * with other data: every entry goes, and the versions start again from this one.
   */
  noteVersion(version: number): void {
    if (version >= this.latest) return;
    for (const [k, e] of this.entries) this.drop(k, e);
    this.latest = version;
  }

  get(key: string): Entry | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= this.now() || e.version < this.latest) {
      this.drop(key, e);
      return undefined;
    }
    this.entries.delete(key); // most recently used last
    this.entries.set(key, e);
    return e;
  }

  set(key: string, e: Entry): void {
    if (e.bytes > this.maxEntryBytes || e.version < this.latest) return;
    if (e.version > this.latest) {
      // A new catalogue version: nothing rendered before it will be asked for again.
      this.latest = e.version;
      for (const [k, old] of this.entries) if (old.version < e.version) this.drop(k, old);
    }
    const old = this.entries.get(key);
    if (old) this.drop(key, old);
    this.entries.set(key, e);
    this.bytes += e.bytes;
    this.stats.stored++;
    const cap = this.options.perOwner;
    if (e.owner !== undefined && cap !== undefined) {
      let n = 0;
      for (const other of this.entries.values()) if (other.owner === e.owner) n++;
      for (const [k, other] of this.entries) {
        if (n <= cap) break;
        if (other.owner === e.owner && other !== e) {
          this.drop(k, other);
          n--;
        }
      }
    }
    for (const [k, lru] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.drop(k, lru);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private drop(key: string, e: Entry): void {
    this.entries.delete(key);
    this.bytes -= e.bytes;
  }
}

/**
 * Runs a render and says, once it has ended, until when its answer may be kept (ms since the epoch),
 * or null when it must not be kept (it read something its key does not cover).
 */
export type RenderWatch = (render: () => Promise<void>) => { result: Promise<void>; keepUntil: () => number | null };

/** The public pages' watch: every catalogue read at `version` or later, kept while the oldest of them would be. */
function catalogueWatch(cache: PageCache, version: number): RenderWatch {
  return (render) => {
    const { reads, result } = recordCatalogueReads(render);
    return { result, keepUntil: () => (reads.count === 0 || reads.minVersion < version ? null : reads.oldestAt + cache.options.ttlMs) };
  };
}

/** Next's request handler with the public pages answered from `cache` when they can be. */
export function withPageCache(handle: Handler, cache: PageCache): Handler {
  return async (req, res) => {
    const key = pageKey(req);
    if (!key) return handle(req, res);
    let version: number;
    try {
      const v = cache.version();
      if (v === null) return handle(req, res);
      version = await v;
    } catch {
      // The version could not be read (the database is down): render, which reports the failure.
      return handle(req, res);
    }
    await serveThroughCache({ handle, cache, full: `${version}\n${key}`, version, watch: catalogueWatch(cache, version) }, req, res);
  };
}

/** A request's place in a cache: the handler that renders it, the cache, its full key and version, how its render is watched. */
export interface CacheLookup {
  handle: Handler;
  cache: PageCache;
  full: string;
  version: number;
  watch: RenderWatch;
  /** Whose page it is, when the cache bounds entries per owner. */
  owner?: string;
}

/**
 * Answers `req` from the entry kept under `full` (or from a concurrent render of it), else renders it
 * with `handle` under `watch` and keeps the answer when the watch allows.
 */
export async function serveThroughCache(at: CacheLookup, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const { cache, full } = at;
  cache.noteVersion(at.version);
  const name = cache.options.name ?? 'public';
  const entry = cache.get(full) ?? (await waitFor(cache.pending.get(full), cache.options.waitForRenderMs ?? 5_000));
  if (entry) {
    cache.stats.hits++;
    pageCacheAnswered(name, 'hit', cache.bytes);
    answer(res, entry, requestIdOf(req), 'hit');
    return;
  }
  cache.stats.misses++;
  await renderAndKeep(at, req, res);
  pageCacheAnswered(name, 'miss', cache.bytes);
}

async function waitFor(render: Promise<Entry | null> | undefined, ms: number): Promise<Entry | null> {
  if (!render) return null;
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([render, gaveUp]);
  } finally {
    clearTimeout(timer);
  }
}

function requestIdOf(req: http.IncomingMessage): string {
  const v = req.headers['x-request-id'];
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

async function renderAndKeep(at: CacheLookup, req: http.IncomingMessage, res: http.ServerResponse) {
  const { handle, cache, full, version, watch, owner } = at;
  const requestId = requestIdOf(req);
  const marker = randomUUID();
  req.headers['x-request-id'] = marker;
  delete req.headers['accept-encoding'];
  let settle: (e: Entry | null) => void = () => {};
  const mine = new Promise<Entry | null>((resolve) => {
    settle = resolve;
  });
  cache.pending.set(full, mine);
  let kept: Entry | null = null;
  try {
    const captured = captureResponse(res, marker, requestId);
    const watched = watch(() => handle(req, res));
    const result = watched.result;
    try {
      await result;
    } catch (e) {
      captured.release();
      throw e;
    }
    // Normally ended already; if Next ever resolved before its end(), the rest still goes to the buffer.
    const r = await captured.done;
    const keepUntil = watched.keepUntil();
    if (!r || r.status !== 200 || keepUntil === null) return;
    const headers = r.headers;
    const type = String(headers['content-type'] ?? '');
    if (headers['set-cookie'] !== undefined || headers['content-encoding'] !== undefined || !type.startsWith('text/html')) return;
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(String(headers['content-security-policy'] ?? ''))?.[1];
    if (!nonce) return;
    const segments = split(r.body, [Buffer.from(nonce), Buffer.from(marker)]);
    const replayed = Object.entries(headers).filter(([name, v]) => v !== undefined && !NOT_REPLAYED.has(name)) as [string, string | string[]][];
    const entry: Entry = {
      version,
      segments,
      headers: replayed.map(([name, v]) => [name, typeof v === 'number' ? String(v) : v]),
      nonce,
      bytes: r.body.length + full.length + 1024,
      expiresAt: keepUntil,
      owner,
    };
    if (entry.expiresAt <= cache.now()) return;
    cache.set(full, entry);
    kept = entry;
  } finally {
    // Not another render's, started after this one's waiters gave up on it.
    if (cache.pending.get(full) === mine) cache.pending.delete(full);
    settle(kept);
  }
}

/** One answer from a cached render: a fresh nonce in the CSP header and the HTML, this request's id. */
function answer(res: http.ServerResponse, e: Entry, requestId: string, how: 'hit' | 'miss') {
  const nonce = newNonce();
  const n = Buffer.from(nonce);
  const id = Buffer.from(requestId);
  const body = Buffer.concat(e.segments.map((s) => (s === NONCE ? n : s === REQUEST_ID ? id : s)));
  res.statusCode = 200;
  for (const [name, v] of e.headers) res.setHeader(name, Array.isArray(v) ? v.map((x) => x.replaceAll(e.nonce, nonce)) : v.replaceAll(e.nonce, nonce));
  res.setHeader('content-length', body.length);
  res.setHeader('x-krt-page-cache', how);
  res.end(body);
}

/** `body` cut at every occurrence of `tokens[0]` (NONCE) and `tokens[1]` (REQUEST_ID). */
function split(body: Buffer, tokens: [Buffer, Buffer]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (;;) {
    const a = body.indexOf(tokens[0], at);
    const b = body.indexOf(tokens[1], at);
    const next = a < 0 ? b : b < 0 ? a : Math.min(a, b);
    if (next < 0) break;
    if (next > at) out.push(body.subarray(at, next));
    const which = next === a ? NONCE : REQUEST_ID;
    out.push(which);
    at = next + tokens[which].length;
  }
  if (at < body.length) out.push(body.subarray(at));
  // Copies, so an entry does not hold on to a larger buffer.
  return out.map((s) => (typeof s === 'number' ? s : Buffer.from(s)));
}

interface Captured {
  status: number;
  headers: http.OutgoingHttpHeaders;
  body: Buffer;
}

/**
 * Buffers what Next writes to `res` instead of sending it; at its end() sends it in one piece with
 * the marker replaced by the request id. `done` gives the status, headers and body as rendered
 * (null when the client went away first); `release` puts the response's own methods back.
 */
function captureResponse(res: http.ServerResponse, marker: string, requestId: string): { done: Promise<Captured | null>; release: () => void } {
  const chunks: Buffer[] = [];
  const own = { write: res.write, end: res.end, writeHead: res.writeHead, flushHeaders: res.flushHeaders };
  let finish: (c: Captured | null) => void = () => {};
  const done = new Promise<Captured | null>((resolve) => {
    finish = resolve;
  });
  const release = () => {
    Object.assign(res, own);
    res.off('close', onClose);
  };
  const onClose = () => {
    release();
    finish(null);
  };
  res.on('close', onClose);
  const toBuffer = (chunk: unknown, encoding: unknown) =>
    typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8') : Buffer.from(chunk as Uint8Array);
  const later = (cb: unknown) => {
    if (typeof cb === 'function') process.nextTick(cb as () => void);
  };

  res.writeHead = ((status: number, ...rest: unknown[]) => {
    res.statusCode = status;
    if (typeof rest[0] === 'string') res.statusMessage = rest.shift() as string;
    const h = rest[0];
    if (Array.isArray(h)) {
      const pairs: [string, string][] = Array.isArray(h[0]) ? (h as [string, string][]) : [];
      if (!pairs.length) for (let i = 0; i + 1 < h.length; i += 2) pairs.push([String(h[i]), String(h[i + 1])]);
      for (const [k, v] of pairs) res.appendHeader(k, v);
    } else if (h && typeof h === 'object') {
      for (const [k, v] of Object.entries(h)) if (v !== undefined) res.setHeader(k, v as string | string[]);
    }
    return res;
  }) as typeof res.writeHead;
  res.flushHeaders = () => {};
  res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
    chunks.push(toBuffer(chunk, encoding));
    later(typeof encoding === 'function' ? encoding : cb);
    return true;
  }) as typeof res.write;
  res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
    if (typeof chunk === 'function') [cb, chunk] = [chunk, undefined];
    if (typeof encoding === 'function') [cb, encoding] = [encoding, undefined];
    if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, encoding));
    release();
    const body = Buffer.concat(chunks);
    const captured: Captured = { status: res.statusCode, headers: res.getHeaders(), body };
    const sent = body.length ? Buffer.from(body.toString('latin1').replaceAll(marker, requestId), 'latin1') : body;
    if (res.statusCode !== 204 && res.statusCode !== 304) res.setHeader('content-length', sent.length);
    res.setHeader('x-krt-page-cache', 'miss');
    const end = own.end as (this: http.ServerResponse, chunk: Buffer, cb?: () => void) => http.ServerResponse;
    end.call(res, sent, typeof cb === 'function' ? (cb as () => void) : undefined);
    finish(captured);
    // Next keeps references to the response's methods it was given (these closures) for as long as
    // something of the request lives on (a cached promise carries the request's async context), so
    // the closures must not keep the rendered bytes: without this, every page rendered into the
    // cache kept two more copies of itself (external memory 78 MB for 26.6 MB of cached pages).
    chunks.length = 0;
    finish = () => {};
    return res;
  }) as typeof res.end;
  return { done, release };
}
