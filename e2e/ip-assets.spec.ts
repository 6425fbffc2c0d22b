import { expect, test, type Page } from '@playwright/test';
import { patentCheckChar } from '../lib/ip/patent-number';
import { DEMO, signInAs } from './pages/login-page';

class IpAssetEditor {
  constructor(private readonly page: Page) {}

  async openNew() {
    await this.page.goto('/enterprise/ip/new');
    await expect(this.page.getByRole('heading', { level: 1, name: '登记知识产权' })).toBeVisible();
  }

  async fillInvention(number: string, title: string) {
    const p = this.page;
    await p.getByLabel('类型', { exact: true }).selectOption('invention');
    await this.number().fill(number);
    await p.getByLabel('名称', { exact: true }).fill(title);
    await p.getByLabel('权利人', { exact: true }).fill('佛山科睿智能装备有限公司\n华南理工大学');
    await p.getByLabel('授权（注册、登记）日期').fill('2025-03-18');
    await p.getByLabel('到期日期').fill('2044-06-30');
  }

  number() {
    return this.page.getByLabel('专利申请号', { exact: true });
  }

  save() {
    return this.page.getByRole('button', { name: '保存', exact: true }).click();
  }
}

test('the enterprise adds an invention patent, is told the check digit is wrong, fixes it and sees it listed', async ({ page }) => {
  // A fresh application number each run: year, type 1 (发明), a serial from the clock.
  const digits = `20241${String(Date.now() % 10_000_000).padStart(7, '0')}`;
  const check = patentCheckChar(digits);
  const wrong = check === '1' ? '2' : '1';
  const title = `一种焊缝视觉跟踪装置${Date.now().toString(36)}`;

  await signInAs(page, DEMO.sme);
  const editor = new IpAssetEditor(page);
  await editor.openNew();
  await expect(editor.number()).toHaveCount(0); // the number is labelled by kind once one is chosen
  await editor.fillInvention(`ZL${digits}.${wrong}`, title);
  await editor.save();

  const error = page.locator('#number-error');
  await expect(error).toHaveAttribute('role', 'alert');
  await expect(error).toContainText('专利申请号校验位不正确');
  await expect(error).toContainText(`校验位应为 ${check}`);
  await expect(editor.number()).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.number()).toHaveAccessibleDescription(new RegExp(`校验位应为 ${check}`));
  await expect(page).toHaveURL(/\/enterprise\/ip\/new$/);

  await editor.number().fill(`${digits}.${check}`);
  await expect(error).toHaveCount(0);
  await editor.save();
  await expect(page).toHaveURL(/\/enterprise\/ip$/);
  const row = page.getByTestId('ip-asset-row').filter({ hasText: `ZL${digits}.${check}` });
  await expect(row).toBeVisible();
  await expect(row).toContainText('发明专利');
  await expect(row).toContainText(title);
  await expect(row).toContainText('佛山科睿智能装备有限公司、华南理工大学');
  await expect(row.getByTestId('ip-asset-status')).toHaveText('有效');
});

test('an IP asset page that is not the enterprise’s own answers 404', async ({ page }) => {
  await signInAs(page, DEMO.sme);
  const res = await page.goto(`/enterprise/ip/${crypto.randomUUID()}`);
  expect(res?.status()).toBe(404);
});
