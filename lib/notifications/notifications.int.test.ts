// Notifications are stored as a kind plus parameters and read in the reader's language: the
// institution hears of a new application, the enterprise of each decision, an English reader gets
// English (names and reasons as entered), and a row written before kind + params shows as stored.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { listNotifications, unreadCount } from '../../db/queries/notifications';
import { notifications, parks, products } from '../../db/schema';
import { openTestDb } from '../../db/testing';
import { submitApplication, transitionApplication } from '../applications/service';
import type { Actor } from '../auth/actor';
import { enterpriseActor, institutionActor } from '../test-fixtures';
import { applicationDecisionSchema, applicationFormSchema } from '../validation/application';
import { renderNotification } from './render';

let h: DbHandle;
let sme: Actor;
let bank: Actor;
let productId: string;
const PRODUCT = '科技信用贷';

beforeAll(async () => {
  h = await openTestDb();
  const [p] = await h.db.insert(parks).values({ code: 'nanhai', name: '南海园', nameEn: 'Nanhai', districtCode: '440605' }).returning();
  sme = await enterpriseActor(h.db, { name: '通知测试科技', parkId: p.id });
  bank = await institutionActor(h.db, { name: '工商银行佛山分行' });
  const [prod] = await h.db
    .insert(products)
    .values({
      institutionId: bank.institutionId!,
      name: PRODUCT,
      category: 'credit',
      summary: 's',
      amountMinFen: 100_000_000n,
      amountMaxFen: 1_000_000_000n,
      termMinMonths: 6,
      termMaxMonths: 36,
      rateMinBp: 300,
      rateMaxBp: 450,
      guaranteeMethods: ['credit'],
      repaymentMethods: ['bullet'],
      status: 'published',
      publishedAt: new Date(),
    })
    .returning();
  productId = prod.id;
});
afterAll(async () => h?.close());

const apply = async (key: string) =>
  (
    await submitApplication(
      h.db,
      sme,
      applicationFormSchema.parse({ productId, needId: '', amountWan: '500', termMonths: '12', ipAssetIds: [], idempotencyKey: key }),
    )
  ).application;
const decide = (input: Record<string, unknown>) => transitionApplication(h.db, bank, applicationDecisionSchema.parse(input));
const read = async (actor: Actor, locale: 'zh' | 'en') =>
  (await listNotifications(h.db, actor)).map((n) => ({ kind: n.kind, ...renderNotification(n, locale) }));

describe('notifications in the reader’s language', () => {
  it('tells the institution of an application and the enterprise of a rejection, each in Chinese or English as read', async () => {
    const app = await apply('notify-1');
    const [submitted] = await h.db.select().from(notifications).where(eq(notifications.institutionId, bank.institutionId!));
    expect(submitted).toMatchObject({
      kind: 'application.submitted',
      title: '',
      params: { applicationId: app.id, product: PRODUCT, amountFen: '500000000', termMonths: 12 },
      link: `/institution/applications/${app.id}`,
    });
    expect(await read(bank, 'en')).toEqual([
      {
        kind: 'application.submitted',
        title: `New financing application: ${PRODUCT}`,
        body: 'Amount 500.00 (10k CNY), term 12 months.',
        link: `/institution/applications/${app.id}`,
      },
    ]);

    const reason = '近两年纳税记录不足';
    await decide({ applicationId: app.id, action: 'reject', reason });
    const forSme = await listNotifications(h.db, sme);
    expect(forSme).toHaveLength(1);
    expect(forSme[0]).toMatchObject({
      kind: 'application.reject',
      enterpriseId: sme.enterpriseId,
      params: { applicationId: app.id, product: PRODUCT, reason },
    });
    expect(await read(sme, 'en')).toEqual([
      {
        kind: 'application.reject',
        title: `Your financing application was not approved: ${PRODUCT}`,
        body: `Reason: ${reason}`,
        link: `/enterprise/applications/${app.id}`,
      },
    ]);
    expect(await read(sme, 'zh')).toEqual([
      { kind: 'application.reject', title: `您的融资申请未获通过：${PRODUCT}`, body: `理由：${reason}`, link: `/enterprise/applications/${app.id}` },
    ]);
    expect(await unreadCount(h.db, sme)).toBe(1);
  });

  it('tells the enterprise of acceptance and approval in English without any Chinese but the product’s name', async () => {
    const app = await apply('notify-2');
    await decide({ applicationId: app.id, action: 'accept' });
    await decide({ applicationId: app.id, action: 'approve', approvedAmountWan: '400', approvedRate: '3.8', approvedTermMonths: '12' });
    const mine = (await read(sme, 'en')).filter((n) => n.link === `/enterprise/applications/${app.id}`);
    expect(mine.map((n) => n.kind).sort()).toEqual(['application.accept', 'application.approve']);
    for (const n of mine) expect(`${n.title}${n.body}`.replaceAll(PRODUCT, '')).not.toMatch(/\p{Script=Han}/u);
    // The approval says what was granted.
    expect(mine.find((n) => n.kind === 'application.approve')?.body).toBe(
      'Approved: 400.00 (10k CNY) at 3.80% a year for 12 months. See the application for the details.',
    );
    expect((await read(sme, 'zh')).find((n) => n.kind === 'application.approve' && n.link === `/enterprise/applications/${app.id}`)?.body).toBe(
      '授信 400.00 万元，年利率 3.80%，期限 12 个月。请在申请页查看详情。',
    );
  });

  it('shows a notification written before kind + params as it was stored', async () => {
    await h.db
      .insert(notifications)
      .values({ enterpriseId: sme.enterpriseId, kind: 'application.accept', title: '您的融资申请已受理', link: '/enterprise/applications' });
    const legacy = (await read(sme, 'en')).find((n) => n.title === '您的融资申请已受理');
    expect(legacy).toEqual({ kind: 'application.accept', title: '您的融资申请已受理', body: '', link: '/enterprise/applications' });
  });
});
