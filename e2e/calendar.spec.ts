// The zone's calendar: the service centre enters 国庆 from the State Council's notice; a wrong
// entry gets a message in Chinese; an entry can be deleted. (How it counts: lib/calendar/service.int.test.ts.)
import { expect, test } from '@playwright/test';
import { DEMO, signInAs } from './pages/login-page';

test('the service centre enters a holiday and a weekend day worked, is told what a wrong entry means, and deletes one', async ({ page }) => {
  await signInAs(page, DEMO.admin);
  await page.goto('/admin');
  await page.getByRole('link', { name: '工作日历' }).first().click();
  await expect(page).toHaveURL(/\/admin\/calendar$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('工作日历');
  // A year nobody uses, so other specs' stale needs are untouched.
  await page.goto('/admin/calendar?year=2031');
  await expect(page.getByTestId('calendar-none')).toHaveText('2031 年尚未录入节假日安排：按周一至周五计算工作日。');

  const form = page.getByRole('form', { name: '录入一天' });
  const enter = async (day: string, kind: string, name: string, to = '') => {
    await form.getByLabel('日期', { exact: true }).fill(day);
    await form.getByLabel('至（选填）').fill(to);
    await form.getByLabel('类型').selectOption({ label: kind });
    await form.getByLabel('节日').fill(name);
    await form.getByRole('button', { name: '录入' }).click();
  };
  await enter('2031-10-04', '放假（法定节假日）', '国庆节');
  await expect(form.getByText('周末本来就不上班：只需录入落在周一至周五的放假日。')).toBeVisible();
  await enter('2031-10-01', '放假（法定节假日）', '');
  await expect(form.getByLabel('节日')).toBeFocused();
  await enter('2031-10-07', '放假（法定节假日）', '国庆节', '2031-10-01');
  await expect(form.getByText('结束日期不能早于开始日期。')).toBeVisible();
  // 国庆 as the notice gives it, 1–7 October: the five weekdays are entered, the weekend is off anyway.
  await enter('2031-10-01', '放假（法定节假日）', '国庆节', '2031-10-07');
  await expect(form.getByRole('status')).toHaveText('已录入 5 天：2031-10-01、2031-10-02、2031-10-03、2031-10-06、2031-10-07。');
  await enter('2031-10-11', '上班（调休）', '国庆节');
  await expect(form.getByRole('status')).toHaveText('已录入 2031-10-11。');
  // A new attempt's outcome replaces the last one's: an empty date is an error, not beside "已录入".
  await form.getByRole('button', { name: '录入' }).click();
  await expect(form.getByText('此项为必填项。')).toBeVisible();
  await expect(form.getByRole('status')).toHaveCount(0);

  const rows = page.getByTestId('calendar-row');
  await expect(rows).toHaveCount(6);
  await expect(rows.nth(0)).toContainText('2031-10-01');
  await expect(rows.nth(0)).toContainText('周三');
  await expect(rows.nth(0)).toContainText('放假（法定节假日）');
  await expect(rows.nth(5)).toContainText('周六');
  await expect(rows.nth(5)).toContainText('上班（调休）');

  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: '删除 2031-10-11' }).click();
  await expect(rows).toHaveCount(5);
  // The row went with its button: the focus is on the page's heading, not lost to the document.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.reload();
  await expect(rows).toHaveCount(5);

  // Every change is in the audit log, in words.
  await page.goto('/admin/audit');
  await expect(page.getByText('工作日历 · 删除').first()).toBeVisible();
  await expect(page.getByText('工作日历 · 设置').first()).toBeVisible();
});
