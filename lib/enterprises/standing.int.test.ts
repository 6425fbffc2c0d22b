// What a rejected or revoked enterprise is told on its status page, and what the service centre sees
// before it revokes: the last decision (revocation or rejection), a released code, and the business
// the decision touches (applications in progress, loans not yet settled).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workbenchRow } from '../../db/queries/applications';
import type { DbHandle } from '../../db/client';
import { applications, enterprises, institutions, loans, parks, products } from '../../db/schema';
import { openTestDb } from '../../db/testing';
import type { Actor } from '../auth/actor';
import { enterprisesByCode } from '../admin/views';
import { withUsccCheckChar } from './uscc';
import { decideEnterprise, inactiveStanding } from './verification';

const admin: Actor = {
  userId: '00000000-0000-4000-8000-0000000000a2',
  role: 'admin',
  name: '管理员',
  email: 'a@x',
  enterpriseId: null,
  institutionId: null,
  memberRole: null,
};

let h: DbHandle;
let parkId: number;
let product: { id: string; institutionId: string };
let seq = 0;

async function enterprise() {
  const [e] = await h.db
    .insert(enterprises)
    .values({
      uscc: withUsccCheckChar(`91440605MA7${String(++seq).padStart(6, '0')}`),
      name: `佛山市南海区撤销测试${seq}有限公司`,
      parkId,
      industry: 'C',
      foundedOn: '2018-03-01',
      registeredCapitalFen: 500_000_000n,
      employees: 40,
      revenueFen: 0n,
      rndExpenseFen: 0n,
    })
    .returning();
  return e;
}

type AppStatus = (typeof applications.$inferInsert)['status'];
async function application(enterpriseId: string, status: AppStatus) {
  const key = `standing-${++seq}`;
  const [a] = await h.db
    .insert(applications)
    .values({
      enterpriseId,
      productId: product.id,
      institutionId: product.institutionId,
      amountFen: 1_000_000_00n,
      termMonths: 12,
      status,
      approvedAmountFen: status === 'approved' || status === 'disbursed' ? 1_000_000_00n : null,
      rejectReason: status === 'rejected' ? '不符合准入条件' : null,
      idempotencyKey: key,
      requestHash: key,
    })
    .returning();
  return a;
}

async function loan(enterpriseId: string, status: (typeof loans.$inferInsert)['status']) {
  const a = await application(enterpriseId, 'disbursed');
  await h.db.insert(loans).values({
    applicationId: a.id,
    enterpriseId,
    institutionId: a.institutionId,
    productId: a.productId,
    principalFen: a.approvedAmountFen!,
    annualRateBp: 400,
    termMonths: 12,
    repaymentMethod: 'bullet',
    disbursedOn: '2026-01-05',
    maturesOn: '2027-01-05',
    disbursedAt: new Date('2026-01-05T10:00:00+08:00'),
    outstandingFen: status === 'repaid' ? 0n : a.approvedAmountFen!,
    status,
  });
}

beforeAll(async () => {
  h = await openTestDb();
  const [p] = await h.db.insert(parks).values({ code: 'nanhai', name: '南海园', nameEn: 'Nanhai Park', districtCode: '440605' }).returning();
  parkId = p.id;
  const [i] = await h.db
    .insert(institutions)
    .values({
      name: '撤销测试银行',
      kind: 'bank',
      uscc: withUsccCheckChar('91440600MA7000001'),
      contactName: 'x',
      contactPhone: '1',
      contactEmail: 'x@x',
      status: 'active',
    })
    .returning();
  const [pr] = await h.db
    .insert(products)
    .values({
      institutionId: i.id,
      name: '撤销测试贷',
      category: 'credit',
      summary: '产品',
      amountMinFen: 1n,
      amountMaxFen: 10_000_000_000n,
      termMinMonths: 1,
      termMaxMonths: 60,
      rateMinBp: 300,
      rateMaxBp: 600,
      guaranteeMethods: ['credit'],
      repaymentMethods: ['bullet'],
      status: 'published',
      publishedAt: new Date(),
    })
    .returning();
  product = { id: pr.id, institutionId: i.id };
});
afterAll(async () => h?.close());

describe('an enterprise the zone rejected or revoked', () => {
  it('the lookup shows the business a revocation touches: applications in progress and loans not yet settled', async () => {
    const e = await enterprise();
    for (const s of ['submitted', 'accepted', 'approved', 'rejected', 'withdrawn'] as const) await application(e.id, s);
    for (const s of ['active', 'overdue', 'defaulted', 'repaid', 'written_off'] as const) await loan(e.id, s);
    const other = await enterprise();
    await loan(other.id, 'active');
    const [row] = await enterprisesByCode(h.db, admin, e.uscc!);
    expect(row).toMatchObject({ id: e.id, openApplications: 3, unsettledLoans: 3 });
    const [clean] = await enterprisesByCode(h.db, admin, (await enterprise()).uscc!);
    expect(clean).toMatchObject({ openApplications: 0, unsettledLoans: 0 });
  });

  it('tells a revocation from a rejection by the last decision, with its loans in all and not yet settled', async () => {
    const revoked = await enterprise();
    await loan(revoked.id, 'active');
    await loan(revoked.id, 'repaid');
    await decideEnterprise(h.db, admin, revoked.id, 'verify');
    await decideEnterprise(h.db, admin, revoked.id, 'revoke', '经营地址与执照不符');
    expect(await inactiveStanding(h.db, revoked.id)).toEqual({ released: false, revoked: true, loans: 2, unsettled: 1 });
    // The service centre's lookup and the lender's workbench say the same (核验已撤销, not 已驳回).
    expect((await enterprisesByCode(h.db, admin, revoked.uscc!))[0]).toMatchObject({ verificationStatus: 'rejected', revoked: true });
    const [app] = await h.db.select({ id: applications.id }).from(applications).where(eq(applications.enterpriseId, revoked.id)).limit(1);
    const revokedOnWorkbench = async () => (await workbenchRow(h.db, app.id, '2026-12-03'))!.extras.verificationRevoked;
    expect(await revokedOnWorkbench()).toBe(true);

    // Reopened after the revocation and then rejected: the rejection is what it is told now.
    await decideEnterprise(h.db, admin, revoked.id, 'reopen');
    await decideEnterprise(h.db, admin, revoked.id, 'reject', '材料不全');
    expect(await inactiveStanding(h.db, revoked.id)).toMatchObject({ revoked: false, loans: 2, unsettled: 1 });
    expect((await enterprisesByCode(h.db, admin, revoked.uscc!))[0]).toMatchObject({ revoked: false });
    expect(await revokedOnWorkbench()).toBe(false);

    const rejected = await enterprise();
    await decideEnterprise(h.db, admin, rejected.id, 'reject', '材料不全', null, true);
    expect(await inactiveStanding(h.db, rejected.id)).toEqual({ released: true, revoked: false, loans: 0, unsettled: 0 });
  });
});
