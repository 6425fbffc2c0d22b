// The page cache in front of a stand-in for Next's handler (a real node:http server): which requests
// it keeps, that a kept page is answered without rendering, with a fresh nonce in header and HTML
// and the request's own id, and what ends an entry (a new catalogue version, its data's age, room).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PageCache, pageKey, withPageCache } from './page-cache';
import { metrics } from './metrics';
import { noteCatalogueRead } from './render-reads';

const get = (url: string, headers: Record<string, string> = {}, method = 'GET') => pageKey({ method, url, headers });

describe('pageKey', () => {
  it('keys the public pages by path, sorted query and locale', () => {
    expect(get('/')).not.toBeNull();
    expect(get('/products?sort=rate&category=equipment')).toBe(get('/products?category=equipment&sort=rate'));
    expect(get('/products?category=equipment')).not.toBe(get('/products'));
    expect(get('/products/0b6f7d4e-3c1a-4f5e-9a2b-1c2d3e4f5a6b')).not.toBeNull();
    expect(get('/products', { cookie: 'locale=en' })).not.toBe(get('/products', { cookie: 'locale=zh' }));
    expect(get('/products', { cookie: 'locale=zh' })).toBe(get('/products'));
    expect(get('/products', { cookie: 'next-auth.csrf-token=x; locale=en' })).toBe(get('/products', { cookie: 'locale=en' }));
    expect(get('/products', { 'x-forwarded-proto': 'https' })).not.toBe(get('/products', { 'x-forwarded-proto': 'http' }));
    expect(get('/', { 'user-agent': 'Mozilla/5.0 (compatible; Bingbot/2.0)' })).not.toBe(get('/', { 'user-agent': 'Mozilla/5.0 Chrome/130' }));
  });

  it('leaves out signed-in visitors, other cookies, other paths and what is not a page request', () => {
    expect(get('/products', { cookie: 'next-auth.session-token=abc' })).toBeNull();
    expect(get('/products', { cookie: '__Secure-next-auth.session-token.0=abc' })).toBeNull();
    expect(get('/products', { cookie: 'anything=1' })).toBeNull();
    expect(get('/products', { cookie: 'locale=en; locale=zh' })).toBeNull();
    expect(get('/products', { authorization: 'Bearer x' })).toBeNull();
    expect(get('/products', { rsc: '1' })).toBeNull();
    expect(get('/products', { 'next-router-prefetch': '1' })).toBeNull();
    expect(get('/products?_rsc=abc')).toBeNull();
    // Only valid catalogue filters are worth an entry: made-up or endless queries are rendered, not kept.
    expect(get('/products?a=1')).toBeNull();
    expect(get(`/products?category=equipment&x=${'y'.repeat(10_000)}`)).toBeNull();
    expect(get('/products?category=no-such-category')).toBeNull();
    expect(get('/products?category=equipment&category=digital')).toBeNull();
    expect(get('/products?q=设备')).toBeNull();
    expect(get('/?x=1')).toBeNull();
    expect(get('/products/0b6f7d4e-3c1a-4f5e-9a2b-1c2d3e4f5a6b?utm=1')).toBeNull();
    expect(get('/products', {}, 'POST')).toBeNull();
    expect(get('/products', {}, 'HEAD')).toBeNull();
    expect(get('/products/compare')).toBeNull();
    expect(get('/products/not-a-uuid')).toBeNull();
    expect(get('/products/')).toBeNull();
    expect(get('/enterprise')).toBeNull();
    expect(get('/api/v1/products')).toBeNull();
  });
});

// ------------------------------------------------------------------ a server with a fake Next

interface Render {
  status?: number;
  setCookie?: boolean;
  /** Catalogue reads the render makes: [version, computedAt]. */
  reads?: [number, number][];
  body?: string;
  delayMs?: number;
  /** The handler's promise resolves before the response ends. */
  endLater?: boolean;
}

let servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  servers = [];
});

let nonceSeq = 0;
async function start(cache: PageCache, render: () => Render) {
  let renders = 0;
  // Like Next: the nonce comes with the request (proxy.ts), the request id from its header; streamed in chunks.
  const next = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    renders++;
    const r = render();
    const nonce = `N${++nonceSeq}AAAAAAAAAAAAAAAAAAA==`;
    for (const [v, at] of r.reads ?? [[1, Date.now()]]) noteCatalogueRead(v, at);
    if (r.delayMs) await new Promise((x) => setTimeout(x, r.delayMs));
    res.statusCode = r.status ?? 200;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('content-security-policy', `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    res.setHeader('x-encoding-seen', String(req.headers['accept-encoding'] ?? ''));
    if (r.setCookie) res.setHeader('set-cookie', 'a=b');
    res.write(`<html><meta name="x-request-id" content="${req.headers['x-request-id']}"/><script nonce="${nonce}">`);
    const rest = () => {
      res.write(Buffer.from(`1</script>${r.body ?? ''}<script nonce="${nonce}" src="/a.js"></script>`));
      res.end('</html>');
    };
    if (r.endLater) setTimeout(rest, 30);
    else rest();
  };
  const handler = withPageCache(next, cache);
  let seq = 0;
  const server = http.createServer((req, res) => {
    req.headers['x-request-id'] = `req-${++seq}-0123456789`;
    res.setHeader('x-request-id', req.headers['x-request-id']);
    void handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fetchPage = async (path = '/products', headers: Record<string, string> = {}) => {
    const res = await fetch(base + path, { headers });
    const body = await res.text();
    const csp = res.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    return { status: res.status, body, nonce, how: res.headers.get('x-krt-page-cache'), id: res.headers.get('x-request-id'), res };
  };
  return { fetchPage, renders: () => renders };
}

const cacheWith = (o: { version?: () => number; maxBytes?: number; ttlMs?: number; now?: () => number } = {}) =>
  new PageCache({ maxBytes: o.maxBytes ?? 1024 * 1024, ttlMs: o.ttlMs ?? 60_000, version: async () => o.version?.() ?? 1, now: o.now });

describe('withPageCache', () => {
  it('answers a kept page without rendering, with a fresh nonce in header and HTML and the request’s own id', async () => {
    const counted = async () => {
      const { values } = await metrics().pageCache.get();
      return (result: string) => values.find((v) => v.labels.cache === 'public' && v.labels.result === result)?.value ?? 0;
    };
    const atStart = await counted();
    const s = await start(cacheWith(), () => ({}));
    const first = await s.fetchPage();
    const second = await s.fetchPage();
    const third = await s.fetchPage();
    expect(s.renders()).toBe(1);
    const atEnd = await counted();
    expect([atEnd('hit') - atStart('hit'), atEnd('miss') - atStart('miss')]).toEqual([2, 1]);
    expect([first.how, second.how, third.how]).toEqual(['miss', 'hit', 'hit']);
    const nonces = [first.nonce, second.nonce, third.nonce];
    expect(new Set(nonces).size).toBe(3);
    for (const r of [first, second, third]) {
      expect(r.status).toBe(200);
      // Every script carries the nonce of its own answer's CSP header, and the meta tag its own request id.
      expect(r.body.match(/nonce="([^"]+)"/g)).toEqual([`nonce="${r.nonce}"`, `nonce="${r.nonce}"`]);
      expect(r.body).toContain(`<meta name="x-request-id" content="${r.id}"/>`);
      expect(Number(r.res.headers.get('content-length'))).toBe(Buffer.byteLength(r.body));
    }
    expect(second.body.replaceAll(second.nonce!, 'X').replaceAll(second.id!, 'Y')).toBe(first.body.replaceAll(first.nonce!, 'X').replaceAll(first.id!, 'Y'));
  });

  it('renders a miss uncompressed, and keeps English and Chinese apart', async () => {
    let locale = '';
    const s = await start(cacheWith(), () => ({ body: locale }));
    locale = 'en';
    const en = await s.fetchPage('/products', { cookie: 'locale=en', 'accept-encoding': 'gzip' });
    expect(en.res.headers.get('x-encoding-seen')).toBe('');
    locale = 'zh';
    const zh = await s.fetchPage('/products', { cookie: 'locale=zh' });
    expect([en.how, zh.how]).toEqual(['miss', 'miss']);
    expect((await s.fetchPage('/products', { cookie: 'locale=en' })).body).toContain('</script>en<script');
    expect((await s.fetchPage('/products')).body).toContain('</script>zh<script');
    expect(s.renders()).toBe(2);
  });

  it('never answers a signed-in visitor from the cache', async () => {
    const s = await start(cacheWith(), () => ({}));
    await s.fetchPage();
    const signedIn = await s.fetchPage('/products', { cookie: 'next-auth.session-token=abc' });
    expect(signedIn.how).toBeNull();
    expect(s.renders()).toBe(2);
  });

  it('renders again under a new catalogue version, and drops the pages of the old one', async () => {
    let version = 1;
    const cache = cacheWith({ version: () => version });
    const s = await start(cache, () => ({ reads: [[version, Date.now()]] }));
    await s.fetchPage('/');
    await s.fetchPage('/products');
    expect((await s.fetchPage('/')).how).toBe('hit');
    version = 2;
    expect((await s.fetchPage('/')).how).toBe('miss');
    expect((await s.fetchPage('/')).how).toBe('hit');
    expect(cache.size).toBe(1);
    expect(s.renders()).toBe(3);
  });

  it('does not keep a render that read the catalogue at an older version than its key, or read none', async () => {
    const s = await start(cacheWith({ version: () => 5 }), () => ({
      reads: [
        [5, Date.now()],
        [4, Date.now()],
      ],
    }));
    await s.fetchPage();
    expect((await s.fetchPage()).how).toBe('miss');
    const none = await start(cacheWith(), () => ({ reads: [] }));
    await none.fetchPage();
    expect((await none.fetchPage()).how).toBe('miss');
  });

  it('ends an entry when the oldest catalogue value its render used would expire', async () => {
    let now = 1_000_000;
    const s = await start(cacheWith({ ttlMs: 60_000, now: () => now }), () => ({ reads: [[1, now - 50_000]] }));
    await s.fetchPage();
    now += 9_000;
    expect((await s.fetchPage()).how).toBe('hit');
    now += 2_000;
    expect((await s.fetchPage()).how).toBe('miss');
  });

  it('keeps no error, no answer with Set-Cookie', async () => {
    let r: Render = { status: 404 };
    const s = await start(cacheWith(), () => r);
    expect((await s.fetchPage()).status).toBe(404);
    expect((await s.fetchPage()).how).toBe('miss');
    r = { setCookie: true };
    await s.fetchPage();
    expect((await s.fetchPage()).how).toBe('miss');
    expect(s.renders()).toBe(4);
  });

  it('stays within its bytes, dropping the least recently used', async () => {
    const cache = cacheWith({ maxBytes: 40_000 });
    const s = await start(cache, () => ({ body: 'x'.repeat(8_000) }));
    const ids = ['00000000-0000-4000-8000-00000000000', '10000000-0000-4000-8000-00000000000'];
    for (let i = 0; i < 6; i++) await s.fetchPage(`/products/${ids[0]}${i}`);
    expect(cache.bytes).toBeLessThanOrEqual(40_000);
    expect(cache.size).toBeLessThan(6);
    expect((await s.fetchPage(`/products/${ids[0]}5`)).how).toBe('hit');
    expect((await s.fetchPage(`/products/${ids[0]}0`)).how).toBe('miss');
  });

  it('renders concurrent misses of one page once', async () => {
    const s = await start(cacheWith(), () => ({ delayMs: 100 }));
    const answers = await Promise.all(Array.from({ length: 5 }, () => s.fetchPage()));
    expect(s.renders()).toBe(1);
    expect(answers.map((a) => a.how).sort()).toEqual(['hit', 'hit', 'hit', 'hit', 'miss']);
    expect(new Set(answers.map((a) => a.nonce)).size).toBe(5);
  });

  it('renders itself rather than wait longer than waitForRenderMs for another request’s render', async () => {
    const cache = new PageCache({ maxBytes: 1024 * 1024, ttlMs: 60_000, version: async () => 1, waitForRenderMs: 50 });
    const s = await start(cache, () => ({ delayMs: 400 }));
    const answers = await Promise.all([s.fetchPage(), s.fetchPage()]);
    expect(s.renders()).toBe(2);
    expect(answers.map((a) => a.how)).toEqual(['miss', 'miss']);
  });

  it('buffers the whole answer even when the handler returns before its end', async () => {
    const s = await start(cacheWith(), () => ({ endLater: true, body: 'late' }));
    const first = await s.fetchPage();
    const second = await s.fetchPage();
    expect([first.how, second.how]).toEqual(['miss', 'hit']);
    for (const r of [first, second]) expect(r.body).toMatch(/<\/script>late<script nonce="[^"]+" src="\/a.js"><\/script><\/html>$/);
  });

  it('passes everything through while the catalogue version is unknown', async () => {
    const cache = new PageCache({ maxBytes: 1024 * 1024, ttlMs: 60_000, version: () => null });
    const s = await start(cache, () => ({}));
    await s.fetchPage();
    expect((await s.fetchPage()).how).toBeNull();
    expect(s.renders()).toBe(2);
  });
});
