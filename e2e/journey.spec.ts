import { expect, test, type Page } from '@playwright/test';
import { patentCheckChar } from '../lib/ip/patent-number';
import { consentExpiresAt } from '../lib/core/consent-term';
import { zoneDay } from '../db/zone';
import { DEMO, signInThroughForm } from './pages/login-page';

async function ipPledgeProjects(page: Page): Promise<number> {
  await page.goto('/admin');
  const dd = page.locator('dt', { hasText: '知识产权质押项目' }).first().locator('xpath=following-sibling::dd');
  return Number(await dd.innerText());
}

test('a need becomes a disbursed IP-pledge loan: post, match, apply with a patent, accept, approve, register the pledge, disburse', async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await (await browser.newContext()).newPage();
  await signInThroughForm(admin, DEMO.admin);
  const before = await ipPledgeProjects(admin);

  // The enterprise records a patent to pledge (a fresh number each run).
  const sme = await (await browser.newContext()).newPage();
  await signInThroughForm(sme, DEMO.sme);
  const digits = `20231${String(Date.now() % 10_000_000).padStart(7, '0')}`;
  const number = `ZL${digits}.${patentCheckChar(digits)}`;
  await sme.goto('/enterprise/ip/new');
  await sme.getByLabel('类型', { exact: true }).selectOption('invention');
  await sme.getByLabel('专利申请号', { exact: true }).fill(number);
  await sme.getByLabel('名称', { exact: true }).fill('一种伺服电机的高精度控制方法');
  await sme.getByLabel('权利人', { exact: true }).fill('佛山科睿智能装备有限公司');
  await sme.getByLabel('授权（注册、登记）日期').fill('2024-06-18');
  await sme.getByLabel('到期日期').fill('2043-05-10');
  await sme.getByLabel('评估价值（万元）').fill('800');
  await sme.getByLabel('评估机构').fill('广东中联羊城资产评估有限公司');
  await sme.getByLabel('评估日期').fill('2026-10-15');
  await sme.getByRole('button', { name: '保存', exact: true }).click();
  await expect(sme).toHaveURL(/\/enterprise\/ip$/);

  // It posts a need of 500万元 for equipment, offering the patent.
  await sme.goto('/enterprise/needs/new');
  await sme.getByLabel('融资金额（万元）').fill('500');
  await sme.getByLabel('融资期限（月）').fill('24');
  await sme.getByLabel('资金用途').selectOption('equipment');
  await sme.getByRole('group', { name: '可接受的担保方式' }).getByLabel('质押').check();
  await sme
    .getByRole('group', { name: '可用于质押的知识产权' })
    .getByLabel(new RegExp(number.replace('.', '\\.')))
    .check();
  await sme.getByRole('button', { name: '发布', exact: true }).click();
  // A posted need opens on its own page, its ranked products first.
  await expect(sme).toHaveURL(/\/enterprise\/needs\/[0-9a-f-]{36}$/);
  await expect(sme.getByRole('heading', { level: 1 })).toContainText('融资需求');
  const needUrl = sme.url();

  // The ranked products include the bank's IP-pledge product; apply to it, pledging the patent.
  const fit = sme.getByTestId('matched-product').filter({ hasText: '工银知识产权质押贷' });
  await expect(fit).toBeVisible();
  await fit.getByRole('link', { name: /申请该产品/ }).click();
  await expect(sme.getByLabel('申请金额（万元）')).toHaveValue('500');
  await sme
    .getByRole('group', { name: '质押的知识产权' })
    .getByLabel(new RegExp(number.replace('.', '\\.')))
    .check();
  // Before the button that grants it: what the bank may see, until when, and where to withdraw it.
  const consent = sme.getByTestId('apply-consent');
  await expect(consent).toContainText('提交申请即授权工商银行佛山分行查看贵企业的财务数据');
  await expect(consent).toContainText(`有效期至 ${zoneDay(consentExpiresAt(new Date()))}`);
  await expect(consent.getByRole('link', { name: '查看和撤回授权' })).toHaveAttribute('href', '/enterprise/documents#consents');
  await sme.getByRole('button', { name: '提交申请' }).click();
  await expect(sme).toHaveURL(/\/enterprise\/applications\/[0-9a-f-]{36}$/);
  const applicationId = sme.url().split('/').pop()!;
  await expect(sme.getByTestId('application-status')).toHaveText('已提交');

  // The officer accepts, approves 400万元 at 3.45 %, records the pledge registration and disburses.
  const bank = await (await browser.newContext()).newPage();
  await signInThroughForm(bank, DEMO.bank);
  await bank.goto(`/institution/applications/${applicationId}`);
  // Applied from its need to a product nobody suggested: the enterprise's choice, scored for the officer.
  await expect(bank.getByText(/^匹配度 \d{1,3} 分$/)).toBeVisible();
  await bank.getByRole('button', { name: '受理', exact: true }).click();
  await expect(bank.getByTestId('application-status')).toHaveText('已受理');
  await bank.getByLabel('授信金额（万元）').fill('400');
  await bank.getByLabel('年利率（%）').fill('3.45');
  await bank.getByLabel('授信期限（月）').fill('24');
  await bank.getByRole('button', { name: '授信', exact: true }).click();
  await expect(bank.getByTestId('application-status')).toHaveText('已授信');
  await expect(bank.getByTestId('approved-terms')).toHaveText('400.00 万元 · 年利率 3.45% · 24 个月');
  await expect(bank.getByTestId('pledge-status')).toHaveText('待办理质押登记');
  // 放款 asks for the value date (today by default) and a confirmation naming the amount.
  await expect(bank.getByLabel('放款日期')).toHaveValue(zoneDay());
  // A day after today is refused before any confirmation is asked.
  await bank.getByLabel('放款日期').fill('2099-01-01');
  await bank.getByRole('button', { name: '放款', exact: true }).click();
  await expect(bank.getByText('日期不能晚于今天。')).toBeVisible();
  await bank.getByLabel('放款日期').fill(zoneDay());
  bank.once('dialog', (d) => d.dismiss());
  await bank.getByRole('button', { name: '放款', exact: true }).click();
  await expect(bank.getByTestId('application-status')).toHaveText('已授信');
  bank.once('dialog', (d) => {
    expect(d.message()).toBe(`确认于 ${zoneDay()} 放款 400.00 万元？放款后将生成贷款记录，不能撤销。`);
    void d.accept();
  });
  await bank.getByRole('button', { name: '放款', exact: true }).click();
  await expect(bank.getByRole('alert').filter({ hasText: '质押尚未登记，不能放款。' })).toBeVisible();
  await bank.getByLabel('质押登记号').fill(`Y2026440${String(Date.now() % 1_000_000).padStart(6, '0')}`);
  await bank.getByLabel('登记日期').fill('2026-11-24');
  await bank.getByRole('button', { name: '确认登记' }).click();
  await expect(bank.getByTestId('pledge-status')).toHaveText('已登记');
  bank.once('dialog', (d) => d.accept());
  await bank.getByRole('button', { name: '放款', exact: true }).click();
  await expect(bank.getByTestId('application-status')).toHaveText('已放款');
  // The loan it made, dated today, and from the loan back to the application.
  await expect(bank.getByTestId('loan-disbursed-on')).toHaveText(`${zoneDay()} 放款。`);
  await bank.getByTestId('loan-link').click();
  await expect(bank).toHaveURL(/\/institution\/loans\/[0-9a-f-]{36}$/);
  await expect(bank.getByTestId('application-link')).toHaveAttribute('href', `/institution/applications/${applicationId}`);

  // The enterprise sees its timeline and the loan.
  await sme.reload();
  await expect(sme.getByTestId('application-status')).toHaveText('已放款');
  await expect(sme.getByTestId('timeline').getByRole('listitem')).toHaveCount(4);
  await sme.goto('/enterprise/loans');
  await expect(sme.getByTestId('loan-row').filter({ hasText: '工银知识产权质押贷' }).filter({ hasText: '400.00' }).first()).toBeVisible();

  // 400 of the 500万元 came in: the need stays 已匹配 and the enterprise decides it was enough.
  await sme.goto(needUrl);
  await expect(sme.getByTestId('need-status')).toHaveText('已匹配');
  await expect(sme.getByTestId('need-disbursed')).toHaveText(
    '已从这条需求获得贷款 400.00 万元（需求 500.00 万元）。如果资金已经够用，可以把需求标记为已满足。',
  );
  sme.once('dialog', (d) => d.accept());
  await sme.getByRole('button', { name: '标记为已满足' }).click();
  await expect(sme.getByTestId('need-status')).toHaveText('已满足');
  await expect(sme.getByRole('button', { name: '标记为已满足' })).toHaveCount(0);

  // The admin sees one more IP-pledge project once the headline job has run (every 5 s in the e2e run).
  await expect.poll(() => ipPledgeProjects(admin), { timeout: 30_000 }).toBe(before + 1);
});
