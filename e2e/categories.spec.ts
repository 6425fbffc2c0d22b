// Product categories are the zone's data: the service centre adds one, is told what a wrong code
// means, renames it, sees it offered in the catalogue's filter, and deletes it while unused.
// (Products, filters and applications in a new category: lib/products/categories.int.test.ts.)
import { expect, test } from '@playwright/test';
import { DEMO, signInAs } from './pages/login-page';

test('the service centre adds a product category, renames it, finds it in the catalogue filter, and deletes it', async ({ page }) => {
  await signInAs(page, DEMO.admin);
  await page.goto('/admin');
  await page.getByRole('link', { name: '产品类别' }).click();
  await expect(page).toHaveURL(/\/admin\/categories$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('产品类别');
  const rows = page.getByTestId('category-row');
  // The Foshan seven, each in use by the demo's products, so none can be deleted.
  await expect(rows.filter({ hasText: '知识产权质押贷' })).toContainText('须质押知识产权');
  await expect(rows.filter({ hasText: '积分贷' }).getByRole('button', { name: /删除/ })).toHaveCount(0);

  const form = page.getByRole('form', { name: '添加产品类别' });
  await form.getByLabel('代码').fill('Green-Loan');
  await form.getByLabel('中文名称').fill('绿色贷');
  await form.getByLabel('英文名称').fill('Green loan');
  await form.getByRole('button', { name: '添加类别' }).click();
  await expect(form.getByText('代码须以小写字母开头，由 2–32 个小写字母、数字或下划线组成。')).toBeVisible();
  await expect(form.getByLabel('代码')).toBeFocused();
  await form.getByLabel('代码').fill('green_e2e');
  await form.getByRole('button', { name: '添加类别' }).click();
  await expect(form.getByRole('status')).toHaveText('已添加类别“绿色贷”。');
  const row = rows.filter({ hasText: 'green_e2e' });
  await expect(row).toContainText('绿色贷');

  // Renamed: the new name everywhere, the code unchanged.
  await row.getByText('修改').click();
  const edit = row.getByRole('form', { name: '修改类别“绿色贷”' });
  await edit.getByLabel('中文名称').fill('绿色金融贷');
  await edit.getByRole('button', { name: '保存' }).click();
  // The form is named after the category, so after the save it is found by its row.
  await expect(rows.filter({ hasText: 'green_e2e' }).getByRole('status')).toHaveText('已保存类别“绿色金融贷”。');
  await expect(rows.filter({ hasText: 'green_e2e' }).getByRole('rowheader')).toHaveText('绿色金融贷');

  // The catalogue offers it at once; a product-less category finds nothing.
  await page.goto('/products');
  await page.getByLabel('产品类别').selectOption({ label: '绿色金融贷' });
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await expect(page).toHaveURL(/category=green_e2e/);
  await expect(page.getByTestId('result-count')).toContainText('0');
  // A code no category has is said, in Chinese, and the catalogue shown without it.
  await page.goto('/products?category=nosuch');
  await expect(page.getByText('产品类别：未知的产品类别代码。')).toBeVisible();
  // Both filters unknown: each is said, and the whole catalogue shown.
  await page.goto('/products?category=nosuch&park=nowhere');
  await expect(page.getByText('产品类别：未知的产品类别代码。 所在园区：未知的园区代码。')).toBeVisible();

  await page.goto('/admin/categories');
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: '删除类别“绿色金融贷”' }).click();
  await expect(rows.filter({ hasText: 'green_e2e' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  await page.goto('/admin/audit');
  await expect(page.getByText('产品类别 · 删除').first()).toBeVisible();
  await expect(page.getByText('产品类别 · 修改').first()).toBeVisible();
  await expect(page.getByText('产品类别 · 创建').first()).toBeVisible();
});
