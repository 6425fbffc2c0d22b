// The read views the pages call (lib/<domain>/views.ts): each checks the role and the organisation
// as the use cases do (another role: forbidden; a foreign or unknown id: not found) and returns
// what its page shows, built from the same queries the pages ran themselves before.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { ipAssets, notifications, parks, users } from '../db/schema';
import { openTestDb } from '../db/testing';
import { adminHome, institutionList, userList, verificationQueues } from './admin/views';
import { submitApplication, transitionApplication } from './applications/service';
import { applicationFor, enterpriseApplications } from './applications/views';
import type { Actor } from './auth/actor';
import { enterpriseForReview, enterpriseHome, enterpriseProfile, zoneParks } from './enterprises/views';
import { filterLists } from './figures/views';
import { currentWeights, enterpriseScorePage } from './innovation/views';
import { institutionHome } from './institutions/views';
import { withPatentCheckChar } from './ip/patent-number';
import { createNeed } from './needs/service';
import { enterpriseNeeds, needAssetOptions } from './needs/views';
import { matchesForNeed } from './matching/service';
import { getNeedWithAssets, listAssetOptions } from '../db/queries/needs';
import { markAllReadFor, notificationsFor } from './notifications/inbox';
import { createProduct, transitionProduct } from './products/service';
import { applyPage, comparedProducts, institutionProducts, productEditPage, productPage } from './products/views';
import { enterpriseActor, institutionActor, PRODUCT_FORM } from './test-fixtures';
import { applicationFormSchema } from './validation/application';
import { needFormSchema } from './validation/need';
import { productFormSchema, type ProductFormInput } from './validation/product';

let h: DbHandle;
let smeA: Actor;
let smeB: Actor;
let bank1: Actor;
let bank2: Actor;
let admin: Actor;
let pendingBankName: string;
let published: string; // 一号银行's product, for 南海园 only
let other: string; // 二号银行's product, open to every park
let draft: string; // 一号银行's draft
let needA: string;
let assetA: string;

const productBase: ProductFormInput = PRODUCT_FORM;
const product = (actor: Actor, over: Partial<ProductFormInput>) => createProduct(h.db, actor, productFormSchema.parse({ ...productBase, ...over }));

const failure = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? String(e),
  );

beforeAll(async () => {
  h = await openTestDb();
  const [n, s] = await h.db
    .insert(parks)
    .values([
      { code: 'nanhai', name: '南海园', nameEn: 'Nanhai', districtCode: '440605' },
      { code: 'shunde', name: '顺德园', nameEn: 'Shunde', districtCode: '440606' },
    ])
    .returning();
  smeA = await enterpriseActor(h.db, { name: '甲视图科技', parkId: n.id, verificationStatus: 'verified' });
  smeB = await enterpriseActor(h.db, { name: '乙视图科技', parkId: s.id, verificationStatus: 'verified' });
  bank1 = await institutionActor(h.db, { name: '一号视图银行' });
  bank2 = await institutionActor(h.db, { name: '二号视图银行' });
  pendingBankName = '待审视图银行';
  await institutionActor(h.db, { name: pendingBankName, status: 'pending' });
  await enterpriseActor(h.db, { name: '待核验视图科技', parkId: s.id });
  const [a] = await h.db.insert(users).values({ name: '视图管理员', email: 'views-admin@test.cn', passwordHash: 'x', role: 'admin' }).returning();
  admin = { userId: a.id, role: 'admin', name: a.name, email: a.email, enterpriseId: null, institutionId: null, memberRole: null };

  published = (await transitionProduct(h.db, bank1, (await product(bank1, { name: '南海专享贷', eligibleParkIds: [String(n.id)] })).id, 'publish')).id;
  other = (await transitionProduct(h.db, bank2, (await product(bank2, { name: '二号信用贷' })).id, 'publish')).id;
  draft = (await product(bank1, { name: '草稿贷' })).id;
  [{ id: assetA }] = await h.db
    .insert(ipAssets)
    .values({
      enterpriseId: smeA.enterpriseId!,
      kind: 'invention',
      number: withPatentCheckChar('202310000001'),
      title: '一种视图方法',
      owners: [smeA.name],
      valuationFen: 1n,
    })
    .returning();
  needA = (
    await createNeed(
      h.db,
      smeA,
      needFormSchema.parse({
        amountWan: '500',
        termMonths: '36',
        purpose: 'equipment',
        guaranteeMethods: ['pledge'],
        maxRate: '4.5',
        wantedBy: '',
        ipAssetIds: [assetA],
        description: '购置数控机床',
      }),
    )
  ).id;
});
afterAll(async () => h?.close());

describe('product views', () => {
  it('the public product page: null unless published; eligibility only for a signed-in enterprise, against its own park', async () => {
    expect(await productPage(h.db, null, draft)).toBeNull();
    const anon = await productPage(h.db, null, published);
    expect(anon?.row.product.id).toBe(published);
    expect(anon?.eligibility).toBeNull();
    expect(anon?.requirements).toEqual([]);
    expect((await productPage(h.db, bank1, published))?.eligibility).toBeNull();
    expect((await productPage(h.db, smeA, published))?.eligibility?.eligible).toBe(true);
    expect((await productPage(h.db, smeB, published))?.eligibility?.eligible).toBe(false);
  });

  it('the apply page: enterprises only, a published product, the enterprise’s own needs and assets', async () => {
    const view = await applyPage(h.db, smeA, published);
    expect(view.row.id).toBe(published);
    expect(view.needs.items.map((n) => n.id)).toEqual([needA]);
    expect(view.assets.map((a) => a.id)).toEqual([assetA]);
    const b = await applyPage(h.db, smeB, published);
    expect([b.needs.items, b.assets]).toEqual([[], []]);
    expect(await failure(applyPage(h.db, smeA, draft))).toBe('not_found');
    expect(await failure(applyPage(h.db, smeA, randomUUID()))).toBe('not_found');
    expect(await failure(applyPage(h.db, bank1, published))).toBe('forbidden');
  });

  it('the comparison keeps the visitor’s order and leaves out what is not published', async () => {
    expect((await comparedProducts(h.db, [other, draft, published])).map((p) => p.id)).toEqual([other, published]);
    expect((await comparedProducts(h.db, [published, other])).map((p) => p.id)).toEqual([published, other]);
  });

  it('an institution’s products and edit page: its own only', async () => {
    expect((await institutionProducts(h.db, bank1, { limit: 20, offset: 0 })).items.map((p) => p.id).sort()).toEqual([published, draft].sort());
    expect((await institutionProducts(h.db, bank2, { limit: 20, offset: 0 })).items.map((p) => p.id)).toEqual([other]);
    expect(await failure(institutionProducts(h.db, smeA, { limit: 20, offset: 0 }))).toBe('forbidden');
    const edit = await productEditPage(h.db, bank1, draft);
    expect(edit.product.id).toBe(draft);
    expect(edit.institution?.name).toBe(bank1.name);
    expect(edit.parks).toHaveLength(2);
    expect(edit.declared).toEqual([]);
    expect(await failure(productEditPage(h.db, bank2, draft))).toBe('not_found');
    expect(await failure(productEditPage(h.db, smeA, draft))).toBe('not_found');
  });
});

describe('need views', () => {
  it('an enterprise sees its own needs and assets; another enterprise’s need is not found', async () => {
    // The need page reads it all in one statement: the same need and asset options as their own reads.
    const view = await matchesForNeed(h.db, smeA, needA);
    expect(view.need).toEqual(await getNeedWithAssets(h.db, needA));
    expect(view.assetOptions).toEqual(await listAssetOptions(h.db, smeA.enterpriseId!));
    expect(view.assetOptions.map((a) => a.id)).toEqual([assetA]);
    expect(await failure(matchesForNeed(h.db, smeB, needA))).toBe('not_found');
    expect(await failure(matchesForNeed(h.db, bank1, needA))).toBe('forbidden');
    expect((await enterpriseNeeds(h.db, smeA, { limit: 20, offset: 0 })).total).toBe(1);
    expect((await enterpriseNeeds(h.db, smeB, { limit: 20, offset: 0 })).total).toBe(0);
    expect(await needAssetOptions(h.db, smeB)).toEqual([]);
    expect(await failure(needAssetOptions(h.db, bank1))).toBe('forbidden');
  });
});

describe('enterprise and institution views', () => {
  it('the enterprise home and profile are the actor’s own enterprise’s', async () => {
    const home = await enterpriseHome(h.db, smeA);
    expect(home.row.enterprise.id).toBe(smeA.enterpriseId);
    expect(home.overview.openNeeds).toBe(1);
    const profile = await enterpriseProfile(h.db, smeB);
    expect(profile.row.enterprise.id).toBe(smeB.enterpriseId);
    expect(profile.colleagues.map((c) => c.email)).toEqual([smeB.email]);
    expect(profile.parks).toHaveLength(2);
    expect(await failure(enterpriseHome(h.db, bank1))).toBe('forbidden');
    expect(await failure(enterpriseProfile(h.db, admin))).toBe('forbidden');
  });

  it('an institution reviews any enterprise by id; an unknown id is not found', async () => {
    const review = await enterpriseForReview(h.db, bank1, smeA.enterpriseId!);
    expect(review.row.enterprise.id).toBe(smeA.enterpriseId);
    expect(review.report.valuesVisible).toBe(false); // no consent
    expect(await failure(enterpriseForReview(h.db, bank1, randomUUID()))).toBe('not_found');
    expect(await failure(enterpriseForReview(h.db, smeB, smeA.enterpriseId!))).toBe('forbidden');
  });

  it('the institution home is the actor’s own institution’s', async () => {
    const home = await institutionHome(h.db, bank1);
    expect(home.institution.id).toBe(bank1.institutionId);
    expect(home.overview.publishedProducts).toBe(1);
    expect(await failure(institutionHome(h.db, smeA))).toBe('forbidden');
  });

  it('the zone’s parks', async () => {
    expect((await zoneParks(h.db)).map((p) => p.code).sort()).toEqual(['nanhai', 'shunde']);
  });
});

describe('admin views', () => {
  it('are for admins only', async () => {
    for (const a of [smeA, bank1]) {
      expect(await failure(adminHome(h.db, a))).toBe('forbidden');
      expect(await failure(verificationQueues(h.db, a, { ep: 1, cp: 1 }, 20))).toBe('forbidden');
      expect(await failure(institutionList(h.db, a, { page: 1 }))).toBe('forbidden');
      expect(await failure(userList(h.db, a, { page: 1 }))).toBe('forbidden');
      expect(await failure(currentWeights(h.db, a))).toBe('forbidden');
    }
  });

  it('the home lists the institutions awaiting approval; the queues hold the unverified enterprises', async () => {
    const home = await adminHome(h.db, admin);
    expect(home.pending.map((i) => i.name)).toEqual([pendingBankName]);
    const q = await verificationQueues(h.db, admin, { ep: 1, cp: 1 }, 20);
    expect(q.enterprises.items.map((e) => e.name)).toEqual(['待核验视图科技']);
    expect(q.parks).toHaveLength(2);
    expect((await verificationQueues(h.db, admin, { ep: 2, cp: 1 }, 20)).enterprises.items).toEqual([]);
  });

  it('the lists filter by status, and users by organisation id or name', async () => {
    expect((await institutionList(h.db, admin, { status: 'pending', page: 1 })).items.map((i) => i.name)).toEqual([pendingBankName]);
    const byId = await userList(h.db, admin, { org: bank1.institutionId!.toUpperCase(), page: 1 });
    expect(byId.items.map((u) => u.email)).toEqual([bank1.email]);
    const byName = await userList(h.db, admin, { org: '二号视图', page: 1 });
    expect(byName.items.map((u) => u.email)).toEqual([bank2.email]);
    expect(await currentWeights(h.db, admin)).toBeNull();
  });

  it('the dashboard’s filter lists: the parks, and the active institutions when wanted', async () => {
    const all = await filterLists(h.db);
    expect(all.parks).toHaveLength(2);
    expect(all.institutions.map((i) => i.name).sort()).toEqual([bank1.name, bank2.name].sort());
    expect((await filterLists(h.db, { institutions: false })).institutions).toEqual([]);
  });
});

describe('inbox, applications and score', () => {
  it('the inbox holds what is addressed to the actor’s organisation; marking read touches only those', async () => {
    await h.db.insert(notifications).values([
      { kind: 'x', title: '给甲', enterpriseId: smeA.enterpriseId },
      { kind: 'x', title: '给乙', enterpriseId: smeB.enterpriseId },
    ]);
    expect((await notificationsFor(h.db, smeA)).map((n) => n.title)).toEqual(['给甲']);
    await markAllReadFor(h.db, smeA);
    const rows = await h.db.select().from(notifications).where(eq(notifications.kind, 'x'));
    expect(Object.fromEntries(rows.map((r) => [r.title, r.readAt !== null]))).toEqual({ 给甲: true, 给乙: false });
  });

  it('an enterprise’s applications are its own; the score page is the enterprise’s', async () => {
    expect((await enterpriseApplications(h.db, smeA, { limit: 50, offset: 0 })).items).toEqual([]);
    expect(await failure(enterpriseApplications(h.db, bank1, { limit: 50, offset: 0 }))).toBe('forbidden');
    const score = await enterpriseScorePage(h.db, smeA);
    expect([score.report.score, score.history]).toEqual([null, []]);
    expect(await failure(enterpriseScorePage(h.db, bank1))).toBe('forbidden');
  });
});

describe('foreign and unknown ids', () => {
  it('the product views: an unknown or unpublished id shows nothing; an edit page is its own institution’s only', async () => {
    expect(await productPage(h.db, null, randomUUID())).toBeNull();
    expect(await productPage(h.db, smeA, draft)).toBeNull();
    expect(await failure(applyPage(h.db, smeB, randomUUID()))).toBe('not_found');
    expect(await failure(productEditPage(h.db, bank1, randomUUID()))).toBe('not_found');
    expect(await failure(productEditPage(h.db, bank2, published))).toBe('not_found');
    expect(await failure(productEditPage(h.db, admin, draft))).toBe('not_found');
  });

  it('a need: unknown id, another enterprise, an admin: not found', async () => {
    expect(await failure(matchesForNeed(h.db, smeA, randomUUID()))).toBe('not_found');
    expect(await failure(matchesForNeed(h.db, admin, needA))).toBe('forbidden');
  });

  it('an application is listed and shown to its enterprise and its institution only', async () => {
    const { application } = await submitApplication(
      h.db,
      smeB,
      applicationFormSchema.parse({ productId: other, needId: '', amountWan: '500', termMonths: '12', ipAssetIds: [], idempotencyKey: 'views-foreign-1' }),
    );
    const page = { limit: 50, offset: 0 };
    // The enterprise's list and page name the institution it applied to.
    expect((await enterpriseApplications(h.db, smeB, page)).items.map((a) => [a.id, a.institutionName, a.enterpriseName])).toEqual([
      [application.id, '二号视图银行', '乙视图科技'],
    ]);
    expect((await enterpriseApplications(h.db, smeA, page)).items).toEqual([]);
    expect((await applicationFor(h.db, smeB, application.id)).application.id).toBe(application.id);
    expect((await applicationFor(h.db, smeB, application.id)).institutionName).toBe('二号视图银行');
    expect((await applicationFor(h.db, bank2, application.id)).application.id).toBe(application.id);
    for (const a of [smeA, bank1, admin]) expect(await failure(applicationFor(h.db, a, application.id))).toBe('not_found');
    expect(await failure(applicationFor(h.db, smeB, randomUUID()))).toBe('not_found');
  });

  it('the inbox: what is addressed to an institution, a user or the admins reaches only them', async () => {
    await h.db.insert(notifications).values([
      { kind: 'y', title: '给一号', institutionId: bank1.institutionId },
      { kind: 'y', title: '给二号职员', userId: bank2.userId },
      { kind: 'y', title: '给管理员', toAdmins: true },
    ]);
    const titles = async (a: Actor) => (await notificationsFor(h.db, a)).filter((n) => n.kind === 'y').map((n) => n.title);
    expect({ bank1: await titles(bank1), bank2: await titles(bank2), admin: await titles(admin), smeA: await titles(smeA), smeB: await titles(smeB) }).toEqual({
      bank1: ['给一号'],
      bank2: ['给二号职员'],
      admin: ['给管理员'],
      smeA: [],
      smeB: [],
    });
  });

  it('reviewing an enterprise is for institutions: an admin or an enterprise is refused', async () => {
    expect(await failure(enterpriseForReview(h.db, admin, smeA.enterpriseId!))).toBe('forbidden');
    expect(await failure(enterpriseForReview(h.db, smeA, smeA.enterpriseId!))).toBe('forbidden');
  });
});

// Last: it leaves an application (withdrawn) and a consent behind, which the views above must not see.
describe('the need page after applying', () => {
  it('marks a product applied for from the need with its application, until it is withdrawn', async () => {
    // A product applied for from the need is marked with its application, until it is withdrawn.
    expect((await matchesForNeed(h.db, smeA, needA)).appliedFor.size).toBe(0);
    const { application } = await submitApplication(
      h.db,
      smeA,
      applicationFormSchema.parse({
        productId: published,
        needId: needA,
        amountWan: '300',
        termMonths: '12',
        ipAssetIds: [],
        idempotencyKey: 'views-need-applied-1',
      }),
    );
    expect([...(await matchesForNeed(h.db, smeA, needA)).appliedFor.entries()]).toEqual([
      [published, { id: application.id, productId: published, status: 'submitted', approvedAmountFen: null }],
    ]);
    await transitionApplication(h.db, smeA, { applicationId: application.id, action: 'withdraw' });
    expect((await matchesForNeed(h.db, smeA, needA)).appliedFor.size).toBe(0);
  });
});
