// The officer's rejection of an application goes through the shared ReasonForm: a blank reason is
// refused in the browser with the reason field focused, and the reason given is the one the
// enterprise reads on its application.
import { expect, test } from '@playwright/test';
import { DEMO, signInAs } from './pages/login-page';

test('the officer rejects an application with a reason the enterprise reads; a blank reason is refused', async ({ browser }) => {
  const sme = await (await browser.newContext()).newPage();
  await signInAs(sme, DEMO.sme);
  const found = await (await sme.request.get(`/api/v1/products?q=${encodeURIComponent('工银科创e贷')}`)).json();
  const product = (found.items as { id: string; name: string }[]).find((p) => p.name === '工银科创e贷');
  expect(product).toBeDefined();
  await sme.goto(`/products/${product?.id}/apply`);
  await sme.getByLabel('申请金额（万元）').fill('50');
  await sme.getByLabel('申请期限（月）').fill('12');
  await sme.getByRole('button', { name: '提交申请' }).click();
  await expect(sme).toHaveURL(/\/enterprise\/applications\/[0-9a-f-]{36}$/);
  const applicationId = sme.url().split('/').pop();

  const bank = await (await browser.newContext()).newPage();
  await signInAs(bank, DEMO.bank);
  await bank.goto(`/institution/applications/${applicationId}`);
  await expect(bank.getByTestId('application-status')).toHaveText('已提交');
  const reject = bank.getByRole('button', { name: '拒绝', exact: true });
  await reject.click();
  await expect(bank.getByText('请填写拒绝原因。')).toBeVisible();
  await expect(bank.getByLabel('拒绝原因')).toBeFocused();
  await expect(bank.getByTestId('application-status')).toHaveText('已提交');

  const why = `近两年纳税信用等级为 C，暂不符合准入条件（${Date.now().toString(36)}）`;
  await bank.getByLabel('拒绝原因').fill(why);
  await reject.click();
  await expect(bank.getByTestId('application-status')).toHaveText('未通过');
  await expect(reject).toHaveCount(0);

  await sme.reload();
  await expect(sme.getByTestId('application-status')).toHaveText('未通过');
  await expect(sme.getByRole('definition').filter({ hasText: why })).toBeVisible();
  await expect(sme.getByTestId('timeline')).toContainText(why);
});
