// Issue 13: documents filled once and shared under consent, and the officer's workbench.
// The enterprise uploads statements and a patent certificate, applies to the IP-pledge product
// sharing them, the officer asks for one more document (补充材料), the enterprise uploads it and
// resubmits, the officer downloads it (logged where the enterprise reads it), approves with another
// repayment method, registers the pledge, disburses and follows the link to the loan; another
// bank's officer gets 404 for the same document URL.
import { expect, test, type Page } from '@playwright/test';
import { patentCheckChar } from '../lib/ip/patent-number';
import { DEMO, signInAs } from './pages/login-page';

const OTHER_BANK = 'officer1@ccb.kerongtong.demo'; // 建设银行佛山分行
const pdf = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`, 'latin1');

async function upload(page: Page, o: { kind: string; year?: string; asset?: RegExp; title?: string; name: string; body: Buffer }) {
  const form = page.getByTestId('upload-form');
  await form.getByLabel('资料类型').selectOption({ label: o.kind });
  if (o.year) await form.getByLabel('报表年度').fill(o.year);
  if (o.title !== undefined) await form.getByLabel('资料名称').fill(o.title);
  if (o.asset)
    await form
      .getByLabel('对应知识产权')
      .selectOption({ label: (await form.getByLabel('对应知识产权').locator('option').allTextContents()).find((t) => o.asset!.test(t))! });
  await form.getByLabel('文件', { exact: true }).setInputFiles({ name: o.name, mimeType: 'application/pdf', buffer: o.body });
  await form.getByRole('button', { name: '上传', exact: true }).click();
}

test('each 其他材料 is named: two names are two documents, the same name a new version; no name, a message', async ({ page }) => {
  await signInAs(page, DEMO.sme);
  await page.goto('/enterprise/documents');
  const run = String(Date.now() % 1_000_000);
  await upload(page, { kind: '其他材料', title: '', name: '无名.pdf', body: pdf('no name') });
  await expect(page.getByTestId('upload-form').getByLabel('资料名称')).toBeFocused();
  await expect(page.getByTestId('upload-form').getByText('请填写资料名称，例如“设备采购合同”。')).toBeVisible();
  await upload(page, { kind: '其他材料', title: `设备采购合同${run}`, name: '合同.pdf', body: pdf(`contract ${run}`) });
  await expect(page.getByTestId('upload-result')).toHaveText(`已上传：合同.pdf（其他材料 · 设备采购合同${run} 第 1 版）`);
  await upload(page, { kind: '其他材料', title: `房屋租赁合同${run}`, name: '租赁.pdf', body: pdf(`lease ${run}`) });
  await expect(page.getByTestId('upload-result')).toHaveText(`已上传：租赁.pdf（其他材料 · 房屋租赁合同${run} 第 1 版）`);
  await upload(page, { kind: '其他材料', title: `设备采购合同${run}`, name: '合同盖章版.pdf', body: pdf(`contract stamped ${run}`) });
  await expect(page.getByTestId('upload-result')).toHaveText(`已上传：合同盖章版.pdf（其他材料 · 设备采购合同${run} 第 2 版）`);
  await expect(page.getByTestId('document-row').filter({ hasText: `其他材料 · 设备采购合同${run}` })).toHaveCount(1);
  await expect(page.getByTestId('document-row').filter({ hasText: `其他材料 · 房屋租赁合同${run}` })).toHaveCount(1);
});

test('documents shared with an application, 补充材料, download under consent, and the workbench through to the loan', async ({ browser }) => {
  test.setTimeout(240_000);
  const sme = await (await browser.newContext()).newPage();
  await signInAs(sme, DEMO.sme);

  // A patent to pledge (a fresh number each run).
  const digits = `20221${String(Date.now() % 10_000_000).padStart(7, '0')}`;
  const number = `ZL${digits}.${patentCheckChar(digits)}`;
  await sme.goto('/enterprise/ip/new');
  await sme.getByLabel('类型', { exact: true }).selectOption('invention');
  await sme.getByLabel('专利申请号', { exact: true }).fill(number);
  await sme.getByLabel('名称', { exact: true }).fill('一种电池管理系统的均衡控制方法');
  await sme.getByLabel('权利人', { exact: true }).fill('佛山科睿智能装备有限公司');
  await sme.getByLabel('授权（注册、登记）日期').fill('2024-03-12');
  await sme.getByLabel('到期日期').fill('2042-09-01');
  await sme.getByLabel('评估价值（万元）').fill('600');
  await sme.getByLabel('评估机构').fill('广东中联羊城资产评估有限公司');
  await sme.getByLabel('评估日期').fill('2026-10-20');
  await sme.getByRole('button', { name: '保存', exact: true }).click();
  await expect(sme).toHaveURL(/\/enterprise\/ip$/);

  // The vault: a file that is not a PDF whatever its name is refused; statements and the certificate are kept.
  await sme.goto('/enterprise/documents');
  await upload(sme, { kind: '营业执照', name: '营业执照.pdf', body: Buffer.from('just some text') });
  await expect(sme.getByTestId('upload-form').getByRole('alert')).toContainText('文件类型不支持');
  const year = new Date().getFullYear() - 1;
  await upload(sme, { kind: '财务报表', year: String(year), name: `${year}年财务报表.pdf`, body: pdf(`fs ${year}`) });
  await expect(sme.getByTestId('upload-result')).toContainText(`${year}年财务报表.pdf`);
  await upload(sme, { kind: '财务报表', year: String(year - 1), name: `${year - 1}年财务报表.pdf`, body: pdf(`fs ${year - 1}`) });
  await expect(sme.getByTestId('upload-result')).toContainText(`${year - 1}年财务报表.pdf`);
  await upload(sme, { kind: '专利证书', asset: new RegExp(number.replace('.', '\\.')), name: '专利证书.pdf', body: pdf('patent certificate') });
  await expect(sme.getByTestId('upload-result')).toContainText('专利证书.pdf');
  await expect(sme.getByTestId('document-row').filter({ hasText: `${year} 财务报表` })).toBeVisible();

  // Apply to the bank's IP-pledge product, pledging the patent, sharing the statements and the certificate.
  await sme.goto(`/products?q=${encodeURIComponent('工银知识产权质押贷')}`);
  await sme.getByRole('link', { name: '工银知识产权质押贷' }).first().click();
  await sme.getByRole('link', { name: '申请该产品' }).click();
  await expect(sme.getByTestId('document-checklist')).toContainText('专利证书');
  await sme.getByLabel('申请金额（万元）').fill('300');
  await sme.getByLabel('申请期限（月）').fill('24');
  await sme
    .getByRole('group', { name: '质押的知识产权' })
    .getByLabel(new RegExp(number.replace('.', '\\.')))
    .check();
  const share = sme.getByTestId('share-documents');
  await share.getByLabel(`${year} 财务报表`).check();
  await share.getByLabel(`${year - 1} 财务报表`).check();
  await share.getByLabel(new RegExp(`专利证书 ${number.replace('.', '\\.')}`)).check();
  await sme.getByLabel('还款方式').selectOption({ label: '先息后本' });
  await sme.getByRole('button', { name: '提交申请' }).click();
  await expect(sme).toHaveURL(/\/enterprise\/applications\/[0-9a-f-]{36}$/);
  const applicationId = sme.url().split('/').pop()!;
  await expect(sme.getByTestId('repayment-method')).toHaveText('先息后本');

  // The officer's workbench: terms, pledged patent, checklist; then 补充材料 (纳税证明).
  const bank = await (await browser.newContext()).newPage();
  await signInAs(bank, DEMO.bank);
  await bank.goto(`/institution/applications/${applicationId}`);
  await expect(bank.getByTestId('applied-amount')).toHaveText('300.00 万元');
  await expect(bank.getByTestId('applied-term')).toHaveText('24 个月');
  await expect(bank.getByTestId('applied-repayment')).toHaveText('先息后本');
  await expect(bank.getByTestId('pledged-assets')).toContainText(number);
  await expect(bank.getByTestId('pledged-assets')).toContainText('广东中联羊城资产评估有限公司');
  await expect(bank.getByTestId('shared-documents')).toContainText(`${year} 财务报表`);
  const materials = bank.getByRole('form', { name: '要求补充材料' });
  // Nothing ticked, no note: the errors show under their fields, the focus goes to the first, nothing is sent.
  await materials.getByRole('button', { name: '发送补充材料要求' }).click();
  await expect(materials.getByText('请至少选择一项需补充的资料。')).toBeVisible();
  await expect(materials.getByText('请填写说明。')).toBeVisible();
  await expect(materials.getByRole('checkbox').first()).toBeFocused();
  await expect(bank.getByTestId('application-status')).toHaveText('已提交');
  await materials.getByLabel('纳税证明').check();
  await materials.getByLabel('说明').fill('请补充近12个月纳税证明');
  await materials.getByRole('button', { name: '发送补充材料要求' }).click();
  await expect(bank.getByTestId('application-status')).toHaveText('待补充材料');

  // The enterprise is told, uploads the certificate and resubmits with it.
  await sme.reload();
  await expect(sme.getByTestId('materials-request')).toContainText('纳税证明');
  // The page's link opens the vault on the kind asked for, with the way back to the application.
  await sme.getByTestId('resubmit-vault-link').click();
  await expect(sme).toHaveURL(/\/enterprise\/documents\?kind=tax_certificate&back=/);
  await expect(sme.getByTestId('upload-form').getByLabel('资料类型')).toHaveValue('tax_certificate');
  await upload(sme, { kind: '纳税证明', name: '纳税证明（2026）.pdf', body: pdf('tax certificate') });
  await expect(sme.getByTestId('upload-result')).toContainText('纳税证明（2026）.pdf');
  await sme.getByTestId('vault-back').click();
  await expect(sme).toHaveURL(new RegExp(`/enterprise/applications/${applicationId}$`));
  const resubmit = sme.getByRole('form', { name: '补充后重新提交' });
  await expect(resubmit.getByLabel('纳税证明')).toBeChecked();
  await resubmit.getByRole('button', { name: '补充后重新提交' }).click();
  await expect(sme.getByTestId('application-status')).toHaveText('已提交');

  // The officer downloads it: the original name, the type, nosniff; the enterprise reads who did.
  await bank.reload();
  const taxLink = bank.getByTestId('shared-documents').getByRole('listitem').filter({ hasText: '纳税证明' }).getByRole('link', { name: '下载' });
  const href = (await taxLink.getAttribute('href'))!;
  const res = await bank.request.get(href);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  expect(res.headers()['x-content-type-options']).toBe('nosniff');
  expect(res.headers()['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('纳税证明（2026）.pdf')}`);
  expect((await res.body()).equals(pdf('tax certificate'))).toBe(true);
  await sme.goto('/enterprise/documents');
  await expect(sme.getByTestId('access-log')).toContainText('工商银行佛山分行');
  await expect(sme.getByTestId('access-log')).toContainText('纳税证明');

  // Another bank's officer gets 404 for the same URL.
  const other = await (await browser.newContext()).newPage();
  await signInAs(other, OTHER_BANK);
  expect((await other.request.get(href)).status()).toBe(404);

  // An admin sees the document's details; its content only with an investigation reason, which the enterprise reads.
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, DEMO.admin);
  await admin.goto('/admin/documents');
  await expect(admin.getByTestId('admin-documents')).toContainText('纳税证明（2026）.pdf');
  expect((await admin.request.get(href)).status()).toBe(403);
  expect((await admin.request.get(`${href}?reason=${encodeURIComponent('核查贷款资料真实性')}`)).status()).toBe(200);
  await sme.reload();
  await expect(sme.getByTestId('access-log')).toContainText('核查贷款资料真实性');

  // Accept, approve with 等额本金 (the product's other method) inside the rate range, register the pledge, disburse.
  await bank.getByRole('button', { name: '受理', exact: true }).click();
  await expect(bank.getByTestId('application-status')).toHaveText('已受理');
  await expect(bank.getByLabel('年利率（%）')).not.toHaveValue('');
  const rate = await bank.getByLabel('年利率（%）').inputValue();
  await bank.getByLabel('年利率（%）').fill('3.4.5');
  await bank.getByRole('button', { name: '授信', exact: true }).click();
  await expect(bank.getByText('请输入百分比，如 3.45，最多两位小数。')).toBeVisible();
  await expect(bank.getByLabel('年利率（%）')).toBeFocused();
  await expect(bank.getByTestId('application-status')).toHaveText('已受理');
  await bank.getByLabel('年利率（%）').fill(rate);
  await bank.getByLabel('授信金额（万元）').fill('300');
  await bank.getByLabel('还款方式').selectOption({ label: '等额本金' });
  await bank.getByRole('button', { name: '授信', exact: true }).click();
  await expect(bank.getByTestId('application-status')).toHaveText('已授信');
  // What the enterprise applied for stays as it chose; the approval's method is said beside the approved terms.
  await expect(bank.getByTestId('applied-repayment')).toHaveText('先息后本');
  await expect(bank.getByTestId('approved-terms')).toContainText('还款方式：等额本金（申请为先息后本）');
  await bank.getByLabel('质押登记号').fill(`Y2026440${String(Date.now() % 1_000_000).padStart(6, '0')}`);
  await bank.getByLabel('登记日期').fill('2026-11-25');
  await bank.getByRole('button', { name: '确认登记' }).click();
  await expect(bank.getByTestId('pledge-status')).toHaveText('已登记');
  await expect(bank.getByTestId('timeline-extra')).toContainText('质押登记完成');
  bank.once('dialog', (d) => d.accept());
  await bank.getByRole('button', { name: '放款', exact: true }).click();
  await expect(bank.getByTestId('application-status')).toHaveText('已放款');
  await bank.getByTestId('loan-link').click();
  await expect(bank).toHaveURL(/\/institution\/loans\/[0-9a-f-]{36}$/);
  await expect(bank.getByText('等额本金').first()).toBeVisible();
});
