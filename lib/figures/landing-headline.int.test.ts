// The landing page's headline: the all-time totals from one shared snapshot computed once however
// many requests ask together; the counts of institutions and products live, so a suspended product
// leaves the headline within a second.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { readSnapshot, refreshSnapshot } from '../../db/queries/snapshots';
import { products, users } from '../../db/schema';
import { seedDemoData } from '../seed/index';
import { openTestDb } from '../../db/testing';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import { headline, HEADLINE_SNAPSHOT, landingHeadline } from './service';
import { transitionProduct } from '../products/service';
import { VERSION_TTL_MS } from '../products/public-cache';

let h: DbHandle;
beforeAll(async () => {
  h = await openTestDb({ poolMax: 8 });
  await seedDemoData(h.db);
});
afterAll(async () => h?.close());

describe('landing headline', () => {
  it('answers what a direct count answers, and keeps the totals in one snapshot', async () => {
    expect(await readSnapshot(h.db, HEADLINE_SNAPSHOT)).toBeNull();
    const shown = await landingHeadline(h.db);
    expect(shown).toEqual(await headline(h.db));
    const snap = await readSnapshot(h.db, HEADLINE_SNAPSHOT);
    expect(snap?.value).toEqual(shown);
    await landingHeadline(h.db);
    expect((await readSnapshot(h.db, HEADLINE_SNAPSHOT))?.computedAt).toEqual(snap?.computedAt);
  });

  it('computes a stale snapshot once when many ask at the same time', async () => {
    let computed = 0;
    const compute = async () => {
      computed++;
      await new Promise((r) => setTimeout(r, 100));
      return { n: computed };
    };
    const asked = new Date();
    const answers = await Promise.all(Array.from({ length: 6 }, () => refreshSnapshot(h.db, 'test-single-flight', compute, asked)));
    expect(computed).toBe(1);
    expect(new Set(answers.map((a) => JSON.stringify(a.value)))).toEqual(new Set(['{"n":1}']));
  });

  it('drops a product suspended now from the count within a second, without waiting for the snapshot', async () => {
    const before = await landingHeadline(h.db);
    const [p] = await h.db.select().from(products).where(eq(products.status, 'published')).limit(1);
    const [officer] = await h.db
      .select()
      .from(users)
      .where(and(eq(users.institutionId, p.institutionId), eq(users.role, 'institution')))
      .limit(1);
    const actor: Actor = {
      userId: officer.id,
      role: 'institution',
      name: officer.name,
      email: officer.email,
      enterpriseId: null,
      institutionId: p.institutionId,
      memberRole: officer.memberRole,
    };
    const snapAt = (await readSnapshot(h.db, HEADLINE_SNAPSHOT))?.computedAt;
    await transitionProduct(h.db, actor, p.id, 'suspend');
    await new Promise((r) => setTimeout(r, VERSION_TTL_MS + 100)); // the catalogue version's memory (lib/products/public-cache.ts)
    const after = await landingHeadline(h.db);
    expect(after.products).toBe(before.products - 1);
    expect(after.exclusiveProducts).toBe(before.exclusiveProducts - (p.zoneExclusive ? 1 : 0));
    expect((await readSnapshot(h.db, HEADLINE_SNAPSHOT))?.computedAt).toEqual(snapAt);
  });
});
