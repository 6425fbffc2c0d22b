import { expect, test } from '@playwright/test';
import { zh as notificationTexts } from '../lib/i18n/ns/notifications';
import { zh } from '../lib/i18n/zh';
import { DEMO, signInAs } from './pages/login-page';

// Issue 12 item 6: a notification is stored as a kind plus parameters and shown in the reader's
// language. Each demo role reads its notifications in Chinese, then switches to English and reads the
// same ones in English: none of the Chinese texts' words left (names and data stay as entered), the
// same links.

/** Every run of three or more Han characters in the Chinese notification texts (and the words they use). */
const strings = (o: object): string[] => Object.values(o).flatMap((v) => (typeof v === 'string' ? [v] : strings(v)));
const CHINESE_WORDS = [...strings(notificationTexts), ...strings(zh.certifications), zh.app.wan, zh.app.months].flatMap(
  (text) => text.match(/\p{Script=Han}{3,}/gu) ?? [],
);

for (const [role, email, inChinese, inEnglish] of [
  ['enterprise', DEMO.sme, /您的融资申请|希望对接您的融资需求/, /Your financing application|would like to discuss your financing need/],
  ['institution', DEMO.bank, /新的融资申请：|企业已撤回融资申请/, /New financing application: |The enterprise withdrew/],
  ['admin', DEMO.admin, /新企业注册|融资需求超过3个工作日|新的补偿申请/, /New enterprise|Financing need without|New compensation claim/],
] as const) {
  test(`the ${role}'s notifications read in Chinese, then in English after switching the language`, async ({ page, context, baseURL }) => {
    await signInAs(page, email);
    await page.goto('/notifications');
    const items = page.getByTestId('notification');
    await expect(items.first()).toBeVisible();
    await expect(items.filter({ hasText: inChinese }).first()).toBeVisible();
    const count = await items.count();
    const links = await items.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));

    await context.addCookies([{ name: 'locale', value: 'en', url: baseURL! }]);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
    await expect(items).toHaveCount(count);
    await expect(items.filter({ hasText: inEnglish }).first()).toBeVisible();
    expect(await items.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(links);
    expect(CHINESE_WORDS.length).toBeGreaterThan(50);
    const english = (await items.allInnerTexts()).join('\n');
    expect(CHINESE_WORDS.filter((w) => english.includes(w))).toEqual([]);
  });
}
