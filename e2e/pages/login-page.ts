import { expect, type Page, test } from '@playwright/test';

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

/** Signs in through the form, as a person does: the specs about signing in (auth.spec.ts) and the main journeys. */
export async function signInThroughForm(page: Page, email: string, password = DEMO_PASSWORD) {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, password);
  await expect(page.getByTestId('current-user')).toBeVisible();
}

/**
 * Signs in for a spec about something else: posts next-auth's credentials callback with the page's
 * own cookies (what the form's signIn() posts, csrf token included), then opens /after-sign-in, where
 * the form goes on to, which sends the user to their landing page. About 0.7 s less than the form
 * (no sign-in page to load and hydrate), over ~90 sign-ins in the suite.
 */
export async function signInAs(page: Page, email: string, password = DEMO_PASSWORD) {
  const origin = test.info().project.use.baseURL!;
  const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await page.request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, callbackUrl: `${origin}/after-sign-in`, json: 'true' },
    headers: { origin },
    maxRedirects: 0,
  });
  expect(res.status(), `sign-in as ${email}`).toBeLessThan(400);
  await page.goto('/after-sign-in');
  await expect(page.getByTestId('current-user')).toBeVisible();
}
