import { devices, expect, test, type Page } from '@playwright/test';
import { withUsccCheckChar } from '../lib/enterprises/uscc';
import { sidewaysScroll } from './a11y/pages';
import { DEMO_PASSWORD } from './pages/login-page';

// Phones. The enterprise's journey on a 390×844 touch screen: register, post a need, see its
// matches, apply and follow the timeline, finding every page through the collapsed menu, with no
// sideways scrolling on the way. That no page of the app (the access matrix's pages, as each role)
// scrolls sideways at 360 px is checked in English, the longer language, by e2e/a11y.spec.ts in the
// same visit as its accessibility check.

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2, userAgent: devices['Pixel 7'].userAgent };

const run = Date.now()
  .toString(36)
  .toUpperCase()
  .replace(/[IOSVZ]/g, 'A')
  .slice(-6)
  .padStart(6, '0');

/** Opens the header's menu (a disclosure on phones) and follows one of its links. */
async function viaMenu(page: Page, name: string) {
  await page.getByText('菜单', { exact: true }).tap();
  await page.getByRole('navigation', { name: '菜单' }).getByRole('link', { name, exact: true }).tap();
}

async function expectNoSidewaysScroll(page: Page, where: string) {
  const problems = await sidewaysScroll(page, where);
  expect(problems, problems.join('\n')).toEqual([]);
}

test('the enterprise journey on a phone: register, post a need, see matches, apply, follow the timeline', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();

  // Register a new enterprise and sign in with it.
  const email = `phone-${run.toLowerCase()}@example.com`;
  const name = `佛山市南海区手机测试${run}有限公司`;
  await page.goto('/register/enterprise');
  await page.getByLabel('统一社会信用代码').fill(withUsccCheckChar(`91440605MA6${run}`));
  await page.getByLabel('企业名称').fill(name);
  await page.getByLabel('所属行业（国民经济行业门类）').selectOption('C');
  await page.getByLabel('成立日期').fill('2018-03-12');
  await page.getByLabel('注册资本（万元）').fill('1200');
  await page.getByLabel('从业人数').fill('80');
  await page.getByLabel('联系人姓名').fill('陈静');
  await page.getByLabel('登录邮箱').fill(email);
  await page.getByLabel('密码（至少 10 位）').fill(DEMO_PASSWORD);
  await page.getByLabel('确认密码').fill(DEMO_PASSWORD);
  await expectNoSidewaysScroll(page, '/register/enterprise');
  await page.getByRole('button', { name: '提交注册' }).tap();
  // Registration signs the new user in.
  // (/register/enterprise ends in /enterprise too: the host before it tells the home page apart.)
  await expect(page).toHaveURL(/\/\/[^/]+\/enterprise$/);
  await expect(page.getByTestId('organisation-name')).toHaveText(name);

  // Post a need through the menu.
  await viaMenu(page, '融资需求');
  await expect(page).toHaveURL(/\/enterprise\/needs$/);
  await page.goto('/enterprise/needs/new');
  await page.getByLabel('融资金额（万元）').fill('300');
  await page.getByLabel('融资期限（月）').fill('12');
  await page.getByLabel('资金用途').selectOption('working_capital');
  await page.getByLabel('保证', { exact: true }).check();
  await page.getByLabel('信用', { exact: true }).check();
  await page.getByRole('button', { name: '发布', exact: true }).tap();

  // The need opens on its matches; apply to the first ranked product.
  await expect(page).toHaveURL(/\/enterprise\/needs\/[0-9a-f-]{36}$/);
  const first = page.getByTestId('matched-product').first();
  await expect(first).toBeVisible();
  await expectNoSidewaysScroll(page, 'the need page');
  await first.getByRole('link', { name: /申请该产品/ }).tap();
  await expect(page.getByLabel('申请金额（万元）')).toHaveValue('300');
  await page.getByRole('button', { name: '提交申请' }).tap();

  // The application's timeline.
  await expect(page).toHaveURL(/\/enterprise\/applications\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('application-status')).toHaveText('已提交');
  await expect(page.getByTestId('timeline')).toBeVisible();
  await expectNoSidewaysScroll(page, 'the application page');
  // Back to the product from the apply page; a score threshold reads as "no score yet", not "(now none)".
  await page.goto(`/products?q=${encodeURIComponent('工银科创积分贷')}`);
  await page.getByRole('link', { name: '工银科创积分贷' }).first().tap();
  const eligibility = page.getByTestId('eligibility');
  await expect(eligibility).toContainText('创新积分需达到 60.00 分（尚无积分');
  await expect(eligibility).not.toContainText('none');
  await page.getByRole('link', { name: '申请该产品' }).tap();
  await page.getByTestId('apply-back').tap();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('工银科创积分贷');
  await viaMenu(page, '融资申请');
  await expect(page).toHaveURL(/\/enterprise\/applications$/);
  await expectNoSidewaysScroll(page, '/enterprise/applications');
  await context.close();
});
