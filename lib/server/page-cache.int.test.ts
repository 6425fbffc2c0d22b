// The page cache over the real catalogue cache and its database-bumped version: a product the
// admin suspends leaves the cached catalogue page, and its cached product page answers 404, within
// a second on an instance that did not make the change (on PostgreSQL a second connection pool with
// its own caches; on PGlite the same handle). The renderer stands in for Next: it reads through the
// same catalogue functions as app/products.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../db/client';
import { users } from '../../db/schema';
import { openTestDb } from '../../db/testing';
import type { Actor } from '../auth/actor';
import { publicProduct, runCatalogue } from '../products/catalogue';
import { publicCatalogueVersion } from '../products/public-cache';
import { transitionProduct } from '../products/service';
import { seedDemoData } from '../seed/index';
import { catalogueQuerySchema } from '../validation/catalogue';
import { newNonce } from './csp';
import { PageCache, withPageCache } from './page-cache';
import { CATALOGUE_ENTRY_TTL_MS } from './render-reads';

let h: DbHandle;
let other: DbHandle;
let server: http.Server;
let base: string;
let renders = 0;
const everything = catalogueQuerySchema.parse({ pageSize: '48' });

beforeAll(async () => {
  h = await openTestDb({ poolMax: 4 });
  await seedDemoData(h.db);
  other = h.url ? await openDb({ databaseUrl: h.url, poolMax: 2 }) : h;
  const render = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    renders++;
    const path = (req.url ?? '/').split('?')[0];
    const nonce = newNonce();
    let html: string;
    if (path === '/products') {
      const r = await runCatalogue(other.db, everything);
      html = `<ul>${r.items.map((p) => `<li>${p.id}</li>`).join('')}</ul>`;
    } else {
      const shown = await publicProduct(other.db, path.slice('/products/'.length));
      if (!shown) res.statusCode = 404;
      html = shown ? `<h1>${shown.row.product.id}</h1>` : 'not found';
    }
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('content-security-policy', `script-src 'nonce-${nonce}' 'strict-dynamic'`);
    res.end(`<script nonce="${nonce}"></script>${html}`);
  };
  const cache = new PageCache({ maxBytes: 8 * 1024 * 1024, ttlMs: CATALOGUE_ENTRY_TTL_MS, version: () => publicCatalogueVersion(other.db) });
  const handler = withPageCache(render, cache);
  server = http.createServer((req, res) => void handler(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  if (other !== h) await other?.close();
  await h?.close();
});

const page = async (path: string) => {
  const res = await fetch(base + path);
  return { status: res.status, body: await res.text(), how: res.headers.get('x-krt-page-cache') };
};

describe('page cache over the catalogue version', () => {
  it('drops a product the admin suspends from the cached catalogue, and its cached page answers 404, within a second', async () => {
    const listed = (await runCatalogue(other.db, everything)).items[0];
    await page('/products');
    await page(`/products/${listed.id}`);
    const before = renders;
    const catalogue = await page('/products');
    const product = await page(`/products/${listed.id}`);
    expect([catalogue.how, product.how, renders]).toEqual(['hit', 'hit', before]);
    expect(catalogue.body).toContain(`<li>${listed.id}</li>`);
    expect(product.status).toBe(200);

    const [admin] = await h.db.select().from(users).where(eq(users.role, 'admin')).limit(1);
    const actor: Actor = {
      userId: admin.id,
      role: 'admin',
      name: admin.name,
      email: admin.email,
      enterpriseId: null,
      institutionId: null,
      memberRole: admin.memberRole,
    };
    await transitionProduct(h.db, actor, listed.id, 'suspend');
    const suspendedAt = Date.now();
    let gone = false;
    let notFound = false;
    while (!(gone && notFound) && Date.now() - suspendedAt < 5_000) {
      gone = !(await page('/products')).body.includes(listed.id);
      notFound = (await page(`/products/${listed.id}`)).status === 404;
      if (!(gone && notFound)) await new Promise((r) => setTimeout(r, 25));
    }
    const took = Date.now() - suspendedAt;
    expect(gone).toBe(true);
    expect(notFound).toBe(true);
    expect(took).toBeLessThan(1_000);
    // The new catalogue page is kept in turn; the 404 is not.
    expect((await page('/products')).how).toBe('hit');
    expect((await page(`/products/${listed.id}`)).how).toBe('miss');
  });
});
