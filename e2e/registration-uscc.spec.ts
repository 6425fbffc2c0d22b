import { expect, test } from '@playwright/test';
import { INSTITUTIONS } from '../lib/seed/data/institutions';
import { withUsccCheckChar } from '../lib/enterprises/uscc';

// Issue 9: an enterprise named 工商银行佛山分行 with the bank's own credit code used to be accepted.
test('an enterprise cannot register with an institution’s credit code', async ({ page }) => {
  const icbc = INSTITUTIONS.find((i) => i.key === 'icbc')!;
  const run = Date.now().toString(36);
  await page.goto('/register/enterprise');
  await page.getByLabel('统一社会信用代码').fill(withUsccCheckChar(icbc.usccBody));
  await page.getByLabel('企业名称').fill(icbc.name);
  await page.getByLabel('所在园区').selectOption({ label: '禅城园' });
  await page.getByLabel('所属行业（国民经济行业门类）').selectOption('J');
  await page.getByLabel('成立日期').fill('2010-01-01');
  await page.getByLabel('注册资本（万元）').fill('1000');
  await page.getByLabel('从业人数').fill('300');
  await page.getByLabel('联系人姓名').fill('假冒');
  await page.getByLabel('登录邮箱').fill(`fake-icbc-${run}@example.com`);
  await page.getByLabel('密码（至少 10 位）').fill('e2e-password-123');
  await page.getByLabel('确认密码').fill('e2e-password-123');
  await page.getByRole('button', { name: '提交注册' }).click();
  await expect(page.getByText('该统一社会信用代码已被其他机构或企业注册。')).toBeVisible();
  await expect(page).toHaveURL(/\/register\/enterprise$/);
});
