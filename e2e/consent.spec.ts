import { expect, test, type Page } from '@playwright/test';
import { withUsccCheckChar } from '../lib/enterprises/uscc';
import { DEMO, signInAs } from './pages/login-page';

// Issue 9: an institution sees an enterprise's financial values only under the enterprise's consent.
// Each run registers its own enterprise, enters a distinctive revenue and posts a need; the demo bank
// (which it never applied to) then reviews it.
const run = Date.now()
  .toString(36)
  .toUpperCase()
  .replace(/[IOSVZ]/g, 'A')
  .slice(-6)
  .padStart(6, '0');
const REVENUE = '76543.21';
const RND = '4321.09';

async function registerAndSignIn(page: Page, name: string, email: string) {
  await page.goto('/register/enterprise');
  await page.getByLabel('统一社会信用代码').fill(withUsccCheckChar(`91440606MA6${run}`));
  await page.getByLabel('企业名称').fill(name);
  await page.getByLabel('所属行业（国民经济行业门类）').selectOption('C');
  await page.getByLabel('成立日期').fill('2018-04-02');
  await page.getByLabel('注册资本（万元）').fill('1000');
  await page.getByLabel('从业人数').fill('60');
  await page.getByLabel('联系人姓名').fill('钱敏');
  await page.getByLabel('登录邮箱').fill(email);
  await page.getByLabel('密码（至少 10 位）').fill('e2e-password-123');
  await page.getByLabel('确认密码').fill('e2e-password-123');
  await page.getByRole('button', { name: '提交注册' }).click();
  // Registration signs the new user in.
  // (/register/enterprise ends in /enterprise too: the host before it tells the home page apart.)
  await expect(page).toHaveURL(/\/\/[^/]+\/enterprise$/);
}

test('the demo bank reviewing an enterprise that has not consented sees points only, no revenue figure', async ({ browser }) => {
  const name = `佛山市顺德区授权测试${run}有限公司`;
  const tag = `授权测试${run}`;
  const sme = await (await browser.newContext()).newPage();
  await registerAndSignIn(sme, name, `consent-${run.toLowerCase()}@example.com`);

  // Revenue and R&D expense are entered once, in the profile; the score takes them from there.
  await sme.goto('/enterprise/profile');
  // Not entered at registration: blank to fill, not a 0 that reads as typed (once the form has its values).
  await expect(sme.getByLabel('注册资本（万元）')).toHaveValue('1000');
  await expect(sme.getByLabel('上年营业收入（万元）')).toHaveValue('');
  await expect(sme.getByLabel('上年研发费用（万元）')).toHaveValue('');
  await sme.getByLabel('上年营业收入（万元）').fill(REVENUE);
  await sme.getByLabel('上年研发费用（万元）').fill(RND);
  await sme.getByRole('button', { name: '保存', exact: true }).first().click();
  await expect(sme.getByText('已保存。').first()).toBeVisible();
  await sme.goto('/enterprise/score');
  await sme.getByLabel('发明专利申请数（件）').fill('3');
  await sme.getByRole('button', { name: '保存并重新计算' }).click();
  await expect(sme.getByText('已保存，积分已重新计算。')).toBeVisible();
  // The enterprise itself sees its values.
  await expect(sme.getByTestId('score-breakdown')).toContainText('76,543.21');

  await sme.goto('/enterprise/needs/new');
  await sme.getByLabel('融资金额（万元）').fill('300');
  await sme.getByLabel('融资期限（月）').fill('12');
  await sme.getByLabel('资金用途').selectOption('working_capital');
  await sme.getByLabel('信用', { exact: true }).check();
  await sme.getByLabel('需求说明').fill(`${tag}：补充流动资金`);
  await sme.getByRole('button', { name: '发布', exact: true }).click();
  await expect(sme).toHaveURL(/\/enterprise\/needs\/[0-9a-f-]{36}$/);

  const bank = await (await browser.newContext()).newPage();
  await signInAs(bank, DEMO.bank);
  await bank.goto('/institution/needs');
  const card = bank.getByTestId('board-need').filter({ hasText: tag });
  await expect(card.getByTestId('need-financials')).toHaveText('企业授权后可见');
  await card.getByRole('link', { name, exact: true }).click();
  await expect(bank).toHaveURL(/\/institution\/enterprises\/[0-9a-f-]{36}$/);

  await expect(bank.getByRole('heading', { name })).toBeVisible();
  await expect(bank.getByTestId('review-financials')).toHaveText('企业授权后可见');
  const breakdown = bank.getByTestId('score-breakdown');
  await expect(breakdown).toBeVisible();
  await expect(bank.getByTestId('score-values-hidden')).toBeVisible();
  await expect(breakdown.getByRole('columnheader', { name: '填报值' })).toHaveCount(0);
  // Without consent a money indicator has no row of its own (its points, cap and weight would give
  // its value back); a counted one keeps its row, and every group its points.
  await expect(breakdown.getByRole('row', { name: /^营业收入 / })).toHaveCount(0);
  await expect(breakdown.getByRole('row', { name: /^发明专利申请数 / })).toBeVisible();
  await expect(breakdown.getByRole('row', { name: /^成长经营 / })).toBeVisible();
  const text = await bank.getByRole('main').innerText();
  for (const figure of ['76,543.21', '76543.21', '4,321.09', '4321.09']) expect(text).not.toContain(figure);
});
