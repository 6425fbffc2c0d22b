import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'kerongtong-demo';
export const DEMO = {
  admin: 'admin@kerongtong.demo',
  bank: 'bank@kerongtong.demo',
  sme: 'sme@kerongtong.demo',
  /** An officer of a suspended institution (南海科创小贷). */
  suspendedOfficer: 'officer1@nhkcxd.kerongtong.demo',
  /** An officer of an institution still waiting for approval. */
  pendingOfficer: 'officer1@cmbc.kerongtong.demo',
} as const;

export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto(query = '') {
    await this.page.goto(`/login${query}`);
    await expect(this.page.getByRole('heading', { name: '登录科融通' })).toBeVisible();
  }

  async signIn(email: string, password = DEMO_PASSWORD) {
    await this.page.getByLabel('邮箱').fill(email);
    await this.page.getByLabel('密码').fill(password);
    await this.page.getByRole('button', { name: '登录', exact: true }).click();
  }

  error() {
    // Scoped to the page's main content: Next's route announcer is an alert too.
    return this.page.getByRole('main').getByRole('alert');
  }
}

export async function signInAs(page: Page, email: string, password = DEMO_PASSWORD) {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, password);
  await expect(page.getByTestId('current-user')).toBeVisible();
}
