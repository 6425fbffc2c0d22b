// The signed-in users' page cache in front of a stand-in for Next's handler (a real node:http
// server) and a stand-in key source: which requests it keeps, that one user's kept page never
// answers another user or the same user in another account state or data version, and that a render
// which loaded another session than its key's is not kept.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PageCache } from './page-cache';
import { ENTRIES_PER_USER, privatePageRequest, sessionCookieName, withPrivatePageCache } from './private-page-cache';
import { notePassingRender, noteSessionRead, type PrivatePageState } from './session-reads';

const TOKEN = 'next-auth.session-token';
const req = (url: string, headers: Record<string, string> = {}, method = 'GET') => privatePageRequest({ method, url, headers }, false);

describe('privatePageRequest', () => {
  it('takes the session token and keys the kept pages by path, sorted query and locale', () => {
    const a = req('/institution/applications?status=submitted&page=2', { cookie: `${TOKEN}=tok; locale=en` });
    const b = req('/institution/applications?page=2&status=submitted', { cookie: `locale=en; ${TOKEN}=tok` });
    expect(a?.token).toBe('tok');
    expect(a?.key).toBe(b?.key);
    expect(req('/institution/applications', { cookie: `${TOKEN}=tok; locale=zh` })?.key).not.toBe(
      req('/institution/applications', { cookie: `${TOKEN}=tok; locale=en` })?.key,
    );
    expect(req('/enterprise/applications?page=3', { cookie: `${TOKEN}=t2` })?.token).toBe('t2');
    expect(req('/admin/dashboard?from=2026-01-01&to=2026-12-31&breakdown=park&league=all', { cookie: `${TOKEN}=t3` })?.token).toBe('t3');
    // The sign-in device cookie and next-auth's own cookies change nothing.
    expect(req('/enterprise/applications', { cookie: `${TOKEN}=t; krt-device=d; next-auth.csrf-token=c; next-auth.callback-url=u` })?.token).toBe('t');
    // Over https next-auth reads the __Secure- name only.
    expect(privatePageRequest({ method: 'GET', url: '/enterprise/applications', headers: { cookie: `${sessionCookieName(true)}=s` } }, true)?.token).toBe('s');
    expect(privatePageRequest({ method: 'GET', url: '/enterprise/applications', headers: { cookie: `${TOKEN}=s` } }, true)).toBeNull();
  });

  it('leaves out other pages, queries, cookies and whatever is not a page request', () => {
    const cookie = `${TOKEN}=tok`;
    for (const url of [
      '/institution/applications/0b0c6a0e-4c1a-4e53-9f43-5d7b1a9e2c11',
      '/enterprise/needs',
      '/institution/applications?status=nonsense',
      '/institution/applications?page=0',
      '/institution/applications?page=21',
      '/institution/applications?page=1&page=2',
      '/institution/applications?q=x',
      '/enterprise/applications?status=submitted',
      '/admin/dashboard?from=2026-12-31&to=2026-01-01',
      '/admin/dashboard?from=2026-13-01',
      '/admin/dashboard?breakdown=nonsense',
      '/admin/dashboard?park=a&park=b',
      '/admin/dashboard?x=1',
      '/admin/dashboard/list/loans',
      '/notifications',
      '/constructor',
    ])
      expect(req(url, { cookie }), url).toBeNull();
    expect(req('/enterprise/applications')).toBeNull();
    expect(req('/enterprise/applications', { cookie: `${TOKEN}=a; ${TOKEN}=b` })).toBeNull();
    expect(req('/enterprise/applications', { cookie: `${TOKEN}=a; other=1` })).toBeNull();
    expect(req('/enterprise/applications', { cookie: `${TOKEN}.0=a` })).toBeNull();
    // Not valid URL-encoding: Next drops such a cookie (no session), so there is no key either.
    expect(req('/enterprise/applications', { cookie: `${TOKEN}=abc%` })).toBeNull();
    expect(req('/enterprise/applications', { cookie, rsc: '1' })).toBeNull();
    expect(req('/enterprise/applications', { cookie, 'next-action': 'x' })).toBeNull();
    expect(req('/enterprise/applications', { cookie, authorization: 'Bearer x' })).toBeNull();
    expect(req('/enterprise/applications', { cookie }, 'POST')).toBeNull();
    // With a read replica the dashboard's figures could lag the version (read on the primary): not kept.
    expect(privatePageRequest({ method: 'GET', url: '/admin/dashboard', headers: { cookie } }, false, { replica: true })).toBeNull();
    expect(privatePageRequest({ method: 'GET', url: '/admin/dashboard', headers: { cookie } }, false, { replica: false })?.token).toBe('tok');
    expect(privatePageRequest({ method: 'GET', url: '/institution/applications', headers: { cookie } }, false, { replica: true })?.token).toBe('tok');
  });
});

let servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  servers = [];
});

interface World {
  /** token → the account it belongs to; absent: a bad token. */
  users: Map<string, { userId: string; state: string }>;
  version: number;
}

async function start(
  world: World,
  o: { ttlMs?: number; now?: () => number; render?: (token: string) => { userId: string; state: string } | null; passing?: () => boolean } = {},
) {
  let renders = 0;
  const cache = new PageCache({ name: 'private', maxBytes: 1024 * 1024, ttlMs: 30_000, now: o.now, perOwner: ENTRIES_PER_USER });
  const source = async (token: string): Promise<PrivatePageState | null> => {
    const u = world.users.get(token);
    return u ? { ...u, version: world.version } : null;
  };
  // Like Next: the session as the render loads it (lib/auth/session.ts notes it), the nonce from the request.
  const next = async (r: http.IncomingMessage, res: http.ServerResponse) => {
    renders++;
    const token = /next-auth\.session-token=([^;]+)/.exec(r.headers.cookie ?? '')?.[1] ?? '';
    const seen = o.render ? o.render(token) : (world.users.get(token) ?? null);
    if (seen) noteSessionRead(seen.userId, seen.state);
    if (o.passing?.()) notePassingRender();
    const nonce = `N${renders}AAAAAAAAAAAAAAAAAAA==`;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('content-security-policy', `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    res.end(`<html><script nonce="${nonce}"></script><p>${seen ? `${seen.userId} ${seen.state}` : 'nobody'} v${world.version}</p></html>`);
  };
  const handler = withPrivatePageCache(next, cache, { secure: false, source, ttlMs: o.ttlMs });
  const server = http.createServer((rq, rs) => void handler(rq, rs));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fetchPage = async (token: string, path = '/institution/applications') => {
    const res = await fetch(base + path, { headers: { cookie: `${TOKEN}=${token}` } });
    return {
      body: await res.text(),
      how: res.headers.get('x-krt-page-cache'),
      nonce: /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1],
    };
  };
  return { fetchPage, renders: () => renders, cache };
}

describe('withPrivatePageCache', () => {
  it("answers a user's kept page to that user only, with a fresh nonce", async () => {
    const world: World = {
      users: new Map([
        ['ta', { userId: 'A', state: 's1' }],
        ['tb', { userId: 'B', state: 's1' }],
      ]),
      version: 7,
    };
    const s = await start(world);
    const a1 = await s.fetchPage('ta');
    const a2 = await s.fetchPage('ta');
    const b1 = await s.fetchPage('tb');
    expect([a1.how, a2.how, b1.how]).toEqual(['miss', 'hit', 'miss']);
    expect(a2.body).toContain('<p>A s1 v7</p>');
    expect(a2.nonce).not.toBe(a1.nonce);
    expect(a2.body).toContain(`nonce="${a2.nonce}"`);
    expect(b1.body).toContain('<p>B s1 v7</p>');
    expect(s.renders()).toBe(2);
  });

  it('renders again when the account state or the data version changes, and passes bad tokens through', async () => {
    const world: World = { users: new Map([['ta', { userId: 'A', state: 'unread 0' }]]), version: 1 };
    const s = await start(world);
    await s.fetchPage('ta');
    world.users.set('ta', { userId: 'A', state: 'unread 1' });
    const newState = await s.fetchPage('ta');
    expect(newState.how).toBe('miss');
    expect(newState.body).toContain('unread 1');
    world.version = 2;
    const newVersion = await s.fetchPage('ta');
    expect(newVersion.how).toBe('miss');
    expect(newVersion.body).toContain('v2');
    expect((await s.fetchPage('ta')).how).toBe('hit');
    // A token the source refuses (bad, ended session, organisation that may not act): rendered, not kept.
    const bad = await s.fetchPage('forged');
    expect(bad.how).toBeNull();
    expect(bad.body).toContain('nobody');
    expect(s.renders()).toBe(4);
  });

  it('does not keep a render that loaded another session state than its key', async () => {
    const world: World = { users: new Map([['ta', { userId: 'A', state: 's1' }]]), version: 1 };
    let seen: { userId: string; state: string } | null = { userId: 'A', state: 's2' };
    const s = await start(world, { render: () => seen });
    expect((await s.fetchPage('ta')).how).toBe('miss');
    expect((await s.fetchPage('ta')).how).toBe('miss');
    seen = { userId: 'B', state: 's1' };
    expect((await s.fetchPage('ta')).how).toBe('miss');
    seen = null;
    expect((await s.fetchPage('ta')).how).toBe('miss');
    expect(s.cache.size).toBe(0);
    seen = { userId: 'A', state: 's1' };
    await s.fetchPage('ta');
    expect((await s.fetchPage('ta')).how).toBe('hit');
  });

  it('does not keep a render that says it is passing (figures dated or still being computed)', async () => {
    const world: World = { users: new Map([['ta', { userId: 'A', state: 's1' }]]), version: 1 };
    let passing = true;
    const s = await start(world, { passing: () => passing });
    expect((await s.fetchPage('ta', '/admin/dashboard')).how).toBe('miss');
    expect((await s.fetchPage('ta', '/admin/dashboard')).how).toBe('miss');
    expect(s.cache.size).toBe(0);
    // Once the figures are there, under the same data version, the render is kept.
    passing = false;
    expect((await s.fetchPage('ta', '/admin/dashboard')).how).toBe('miss');
    expect((await s.fetchPage('ta', '/admin/dashboard')).how).toBe('hit');
    expect(s.renders()).toBe(3);
  });

  it('ends an entry after its time to live', async () => {
    let now = 1_000_000;
    const world: World = { users: new Map([['ta', { userId: 'A', state: 's1' }]]), version: 1 };
    const s = await start(world, { ttlMs: 30_000, now: () => now });
    await s.fetchPage('ta');
    now += 29_000;
    expect((await s.fetchPage('ta')).how).toBe('hit');
    now += 2_000;
    expect((await s.fetchPage('ta')).how).toBe('miss');
  });

  it("keeps at most ENTRIES_PER_USER of one user's pages, so walking pages cannot push out other users'", async () => {
    const world: World = {
      users: new Map([
        ['ta', { userId: 'A', state: 's1' }],
        ['tb', { userId: 'B', state: 's1' }],
      ]),
      version: 1,
    };
    const s = await start(world);
    await s.fetchPage('tb', '/institution/applications?page=1');
    for (let p = 1; p <= ENTRIES_PER_USER + 1; p++) await s.fetchPage('ta', `/institution/applications?page=${p}`);
    expect(s.cache.size).toBe(ENTRIES_PER_USER + 1);
    expect((await s.fetchPage('tb', '/institution/applications?page=1')).how).toBe('hit');
    // A's least recently used page went; its latest stayed.
    expect((await s.fetchPage('ta', `/institution/applications?page=${ENTRIES_PER_USER + 1}`)).how).toBe('hit');
    expect((await s.fetchPage('ta', '/institution/applications?page=1')).how).toBe('miss');
  });

  it('starts afresh when the data version goes down (a restore), keeping nothing from before', async () => {
    const world: World = { users: new Map([['ta', { userId: 'A', state: 's1' }]]), version: 5 };
    const s = await start(world);
    await s.fetchPage('ta');
    world.version = 3;
    const afterRestore = await s.fetchPage('ta');
    expect(afterRestore.how).toBe('miss');
    expect(afterRestore.body).toContain('v3');
    expect((await s.fetchPage('ta')).how).toBe('hit');
    // The count reaching 5 again after the restore: the entry kept under 5 before it is gone.
    world.version = 5;
    expect((await s.fetchPage('ta')).how).toBe('miss');
  });

  it('renders pages it does not keep as usual', async () => {
    const world: World = { users: new Map([['ta', { userId: 'A', state: 's1' }]]), version: 1 };
    const s = await start(world);
    await s.fetchPage('ta', '/institution/applications/x');
    const again = await s.fetchPage('ta', '/institution/applications/x');
    expect(again.how).toBeNull();
    expect(s.renders()).toBe(2);
  });
});
