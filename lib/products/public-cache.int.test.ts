// The public catalogue cache: a repeated read is served without the database; a change to a product
// — through the app or straight in SQL — reaches every instance's cache within the version's
// half-second memory. On PostgreSQL "every instance" is a second connection pool with its own cache.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { productRequiredDocuments, products, users } from '../../db/schema';
import { seedDemoData } from '../seed/index';
import { openTestDb } from '../../db/testing';
import type { Actor } from '../auth/actor';
import { publicProduct, runCatalogue } from './catalogue';
import { transitionProduct } from './service';
import { publicRead, VERSION_TTL_MS } from './public-cache';
import { catalogueQuerySchema } from '../validation/catalogue';

let h: DbHandle;
let other: DbHandle;
beforeAll(async () => {
  h = await openTestDb({ poolMax: 4 });
  await seedDemoData(h.db);
  other = h.url ? await openDb({ databaseUrl: h.url, poolMax: 2 }) : h;
});
afterAll(async () => {
  if (other !== h) await other?.close();
  await h?.close();
});

const settle = () => new Promise((r) => setTimeout(r, VERSION_TTL_MS + 100));
const everything = catalogueQuerySchema.parse({ pageSize: '48' });

describe('public catalogue cache', () => {
  it('computes a key once while the catalogue is unchanged', async () => {
    let computed = 0;
    const read = () => publicRead(h.db, 'test-once', async () => ++computed);
    expect(await Promise.all([read(), read(), read()])).toEqual([1, 1, 1]);
    await settle();
    expect(await read()).toBe(1);
    expect(computed).toBe(1);
  });

  it('drops a product suspended through the app from every instance’s catalogue and product page within a second', async () => {
    const before = await runCatalogue(other.db, everything);
    const p = before.items[0];
    expect(await publicProduct(other.db, p.id)).not.toBeNull();
    const [officer] = await h.db.select().from(users).where(eq(users.institutionId, p.institutionId)).limit(1);
    const actor: Actor = {
      userId: officer.id,
      role: 'institution',
      name: officer.name,
      email: officer.email,
      enterpriseId: null,
      institutionId: p.institutionId,
      memberRole: officer.memberRole,
    };
    await transitionProduct(h.db, actor, p.id, 'suspend');
    await settle();
    const after = await runCatalogue(other.db, everything);
    expect(after.total).toBe(before.total - 1);
    expect(after.items.map((i) => i.id)).not.toContain(p.id);
    expect(await publicProduct(other.db, p.id)).toBeNull();
  });

  it('shows the instance that made a change its result at once', async () => {
    const before = await runCatalogue(h.db, everything);
    const p = before.items[0];
    const [officer] = await h.db.select().from(users).where(eq(users.institutionId, p.institutionId)).limit(1);
    const actor: Actor = {
      userId: officer.id,
      role: 'institution',
      name: officer.name,
      email: officer.email,
      enterpriseId: null,
      institutionId: p.institutionId,
      memberRole: officer.memberRole,
    };
    await transitionProduct(h.db, actor, p.id, 'suspend');
    expect((await runCatalogue(h.db, everything)).items.map((i) => i.id)).not.toContain(p.id);
    await transitionProduct(h.db, actor, p.id, 'republish');
    expect((await runCatalogue(h.db, everything)).items.map((i) => i.id)).toContain(p.id);
  });

  it('sees a change made straight in SQL too (the version is bumped by a trigger)', async () => {
    const before = await runCatalogue(other.db, everything);
    const p = before.items[0];
    await h.db.update(products).set({ name: '改名后的产品' }).where(eq(products.id, p.id));
    await settle();
    const after = await runCatalogue(other.db, everything);
    expect(after.items.find((i) => i.id === p.id)?.name).toBe('改名后的产品');
  });

  it('bumps the version when only the documents a product requires change (its public page lists them)', async () => {
    const version = async () => rowsOf<{ v: string }>(await h.db.execute(sql`select version::text as v from catalogue_state`))[0].v;
    const [p] = await h.db.select({ id: products.id }).from(products).limit(1);
    const v0 = await version();
    await h.db.insert(productRequiredDocuments).values({ productId: p.id, kind: 'tax_certificate', years: 1 }).onConflictDoNothing();
    const v1 = await version();
    expect(BigInt(v1)).toBeGreaterThan(BigInt(v0));
    await h.db.delete(productRequiredDocuments).where(and(eq(productRequiredDocuments.productId, p.id), eq(productRequiredDocuments.kind, 'tax_certificate')));
    expect(BigInt(await version())).toBeGreaterThan(BigInt(v1));
  });
});
