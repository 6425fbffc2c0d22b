import { expect, type Page } from '@playwright/test';

export class ProductEditor {
  constructor(private readonly page: Page) {}

  async openNew() {
    await this.page.goto('/institution/products/new');
    await expect(this.page.getByRole('heading', { level: 1, name: '新建产品' })).toBeVisible();
  }

  async fillEquipmentLoan(name: string, amounts: { min: string; max: string }) {
    const p = this.page;
    await p.getByLabel('产品名称').fill(name);
    await p.getByLabel('产品类别').selectOption('equipment');
    await p.getByLabel('一句话简介').fill('支持园区制造企业购置数控机床等生产设备');
    await p.getByLabel('最低额度（万元）').fill(amounts.min);
    await p.getByLabel('最高额度（万元）').fill(amounts.max);
    await p.getByLabel('最短期限（月）').fill('12');
    await p.getByLabel('最长期限（月）').fill('60');
    await p.getByLabel('最低年利率（%）').fill('3.15');
    await p.getByLabel('最高年利率（%）').fill('4.20');
    await p.getByRole('group', { name: '担保方式' }).getByLabel('抵押').check();
    await p.getByRole('group', { name: '还款方式' }).getByLabel('等额本金').check();
  }

  save() {
    return this.page.getByRole('button', { name: '保存' }).click();
  }
}
