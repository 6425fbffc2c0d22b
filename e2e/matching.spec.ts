import { expect, test, type Page } from '@playwright/test';
import { DEMO, signInAs } from './pages/login-page';

/** The enterprise's need page: interests, ranked products, near misses. */
class NeedMatchesPage {
  constructor(private readonly page: Page) {}

  async postNeed(amountWan: string, description: string) {
    await this.page.goto('/enterprise/needs/new');
    await this.page.getByLabel('融资金额（万元）').fill(amountWan);
    await this.page.getByLabel('融资期限（月）').fill('24');
    await this.page.getByLabel('资金用途').selectOption('working_capital');
    await this.page.getByLabel('保证', { exact: true }).check();
    await this.page.getByLabel('需求说明').fill(description);
    await this.page.getByRole('button', { name: '发布', exact: true }).click();
    // A posted need opens on its own page.
    await expect(this.page).toHaveURL(/\/enterprise\/needs\/[0-9a-f-]{36}$/);
  }

  async open(amountWan: string) {
    await this.page.goto('/enterprise/needs');
    await this.page.getByTestId('need-row').getByRole('link', { name: amountWan, exact: true }).click();
    await expect(this.page).toHaveURL(/\/enterprise\/needs\/[0-9a-f-]{36}$/);
  }

  products() {
    return this.page.getByTestId('matched-product');
  }

  interest(institution: string) {
    return this.page.getByTestId('need-interest').filter({ hasText: institution });
  }
}

test('a posted need finds ranked products; a bank expresses interest; the enterprise accepts', async ({ browser, page }) => {
  const tag = Date.now().toString(36);
  const amountWan = `${200 + (Date.now() % 500)}.${10 + (Date.now() % 89)}`; // inside 工银科技融担贷's 100–1000 万元
  const description = `匹配测试${tag}：补充原材料采购流动资金`;

  await signInAs(page, DEMO.sme);
  const need = new NeedMatchesPage(page);
  await need.postNeed(amountWan, description);
  await need.open(amountWan);
  const needUrl = page.url();

  // Ranked products with their scores and reasons; the guaranteed loan of ICBC is among them.
  await expect(need.products().first()).toBeVisible();
  const scores = (await need.products().getByTestId('match-score').allInnerTexts()).map((s) => Number(s.replace(/\D/g, '')));
  expect(scores.length).toBeGreaterThan(0);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
  const icbc = need.products().filter({ hasText: '工银科技融担贷' });
  await expect(icbc).toBeVisible();
  await expect(icbc.getByTestId('match-reasons')).toContainText('利率匹配');
  await expect(icbc.getByTestId('match-reasons')).toContainText('机构响应');
  await expect(icbc.getByRole('link', { name: '工银科技融担贷', exact: true })).toHaveAttribute('href', /^\/products\/[0-9a-f-]{36}$/);
  // Near misses say which rule failed, e.g. a credit-only product: no guarantee method in common.
  await expect(page.getByTestId('near-miss-rule').first()).toBeVisible();
  await expect(page.getByTestId('interest-status')).toHaveCount(0);

  // The bank's officer finds the need among its fits and expresses interest — once.
  const bankPage = await (await browser.newContext()).newPage();
  await signInAs(bankPage, DEMO.bank);
  await bankPage.getByRole('link', { name: '匹配需求' }).first().click();
  await expect(bankPage).toHaveURL(/\/institution\/matches$/);
  const fit = bankPage.getByTestId('fit').filter({ hasText: description }).filter({ hasText: '工银科技融担贷' });
  await expect(fit).toBeVisible();
  await expect(fit.getByTestId('match-score')).toBeVisible();
  const enterpriseHref = await fit.getByRole('link', { name: '佛山市南海区科睿智能装备有限公司' }).getAttribute('href');
  await fit.getByRole('button', { name: '表达对接意向' }).click();
  await expect(fit.getByTestId('fit-status')).toHaveText('已表达意向');
  // From the needs board, the products of the bank that fit this one need, and no other need's.
  await bankPage.goto('/institution/needs');
  await bankPage.getByTestId('board-need').filter({ hasText: description }).getByTestId('need-fits').click();
  await expect(bankPage).toHaveURL(/\/institution\/matches\?need=[0-9a-f-]{36}$/);
  await expect(bankPage.getByTestId('one-need')).toBeVisible();
  await expect(bankPage.getByTestId('fit').filter({ hasText: '工银科技融担贷' }).getByTestId('fit-status')).toHaveText('已表达意向');
  await expect(bankPage.getByTestId('fit').filter({ hasNotText: description })).toHaveCount(0);

  // The enterprise accepts; the need is matched.
  await page.goto(needUrl);
  const interest = need.interest('工商银行佛山分行');
  await expect(interest).toHaveCount(1);
  await expect(interest).toContainText('工银科技融担贷');
  page.once('dialog', (d) => d.accept());
  await interest.getByRole('button', { name: '接受' }).click();
  await expect(interest.getByTestId('interest-status')).toHaveText('已接受，已授权该机构查看财务信息');
  await expect(page.getByTestId('need-status')).toHaveText('已匹配');

  // Accepting shared the enterprise's financial details with that bank.
  await bankPage.goto(enterpriseHref!);
  await expect(bankPage.getByTestId('review-financials')).not.toHaveText('企业授权后可见');
});

test('another enterprise’s need answers 404; an institution is sent to its own desk', async ({ browser, page }) => {
  await signInAs(page, DEMO.sme);
  const amountWan = `${200 + (Date.now() % 500)}.${10 + (Date.now() % 89)}`;
  const need = new NeedMatchesPage(page);
  await need.postNeed(amountWan, `越权测试${Date.now().toString(36)}`);
  await need.open(amountWan);
  const needPath = new URL(page.url()).pathname;

  const other = await (await browser.newContext()).newPage();
  await signInAs(other, 'ent01@kerongtong.demo');
  expect((await other.goto(needPath))?.status()).toBe(404);

  const bankPage = await (await browser.newContext()).newPage();
  await signInAs(bankPage, DEMO.bank);
  await bankPage.goto(needPath);
  await expect(bankPage).toHaveURL(/\/institution$/);
});
