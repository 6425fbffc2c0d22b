// What a rejected or revoked enterprise is told on its status page, and what the service centre sees
// before it revokes: the last decision (revocation or rejection), a released code, and the business
// the decision touches (applications in progress, loans not yet settled).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workbenchRow } from '../../db/queries/applications';
import type { DbHandle } from '../../db/client';
import { applications, enterprises, loans, parks } from '../../db/schema';
import { openTestDb } from '../../db/testing';
import type { Actor } from '../auth/actor';
import { enterprisesByCode } from '../admin/views';
import { enterpriseActor, institutionActor, publishedProduct } from '../test-fixtures';
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

/** An enterprise of the fixtures, with its credit code (what the lookup takes). */
async function enterprise() {
  const actor = await enterpriseActor(h.db, { name: `佛山市南海区撤销测试${++seq}有限公司`, parkId });
  const [e] = await h.db.select().from(enterprises).where(eq(enterprises.id, actor.enterpriseId!));
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
  const bank = await institutionActor(h.db, { name: '撤销测试银行' });
  product = { id: (await publishedProduct(h.db, bank.institutionId!)).id, institutionId: bank.institutionId! };
});
afterAll(async () => h?.close());

describe('an enterprise the zone rejected or revoked', () => {
  it('the lookup shows the business a revocation touches: applications in progress and loans not yet settled', async () => {
    const e = await enterprise();
    for (const s of ['submitted', 'accepted', 'materials_requested', 'approved', 'rejected', 'withdrawn'] as const) await application(e.id, s);
    for (const s of ['active', 'overdue', 'defaulted', 'repaid', 'written_off'] as const) await loan(e.id, s);
    const other = await enterprise();
    await loan(other.id, 'active');
    const [row] = await enterprisesByCode(h.db, admin, e.uscc!);
    // Waiting for 补充材料 is in progress too (WAITING_STATES, as the officer's queue counts it).
    expect(row).toMatchObject({ id: e.id, openApplications: 4, unsettledLoans: 3 });
    const [clean] = await enterprisesByCode(h.db, admin, (await enterprise()).uscc!);
    expect(clean).toMatchObject({ openApplications: 0, unsettledLoans: 0 });
  });

  it('tells a revocation from a rejection by the last decision, with its loans in all and not yet settled', async () => {
    const revoked = await enterprise();
    await loan(revoked.id, 'active');
    await loan(revoked.id, 'repaid');
    await decideEnterprise(h.db, admin, revoked.id, 'verify');
    await decideEnterprise(h.db, admin, revoked.id, 'revoke', '经营地址与执照不符');
    await application(revoked.id, 'accepted');
    await application(revoked.id, 'rejected');
    expect(await inactiveStanding(h.db, revoked.id)).toEqual({
      released: false,
      revoked: true,
      loans: 2,
      unsettled: 1,
      inProgress: [expect.objectContaining({ status: 'accepted', product: expect.any(String), institution: '撤销测试银行' })],
    });
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
    expect(await inactiveStanding(h.db, rejected.id)).toEqual({ released: true, revoked: false, loans: 0, unsettled: 0, inProgress: [] });
  });
});
