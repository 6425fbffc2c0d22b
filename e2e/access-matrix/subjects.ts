// Who the access matrix acts as: a visitor, one user of each role and organisation standing, and
// the users of two other organisations whose ids are "foreign" to the enterprise and the bank.
import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Browser, PlaywrightWorkerArgs } from '@playwright/test';
import { DEMO, signInAs } from '../pages/login-page';

export const SUBJECTS = ['anon', 'enterprise', 'enterprise_rejected', 'institution', 'institution_suspended', 'institution_pending', 'admin'] as const;
export type Subject = (typeof SUBJECTS)[number];

/** Demo accounts (lib/seed): ent47 owns the one enterprise whose verification was rejected. */
export const ACCOUNTS: Record<Exclude<Subject, 'anon'>, string> = {
  enterprise: DEMO.sme,
  enterprise_rejected: 'ent47@kerongtong.demo',
  institution: DEMO.bank, // 工商银行佛山分行, active
  institution_suspended: DEMO.suspendedOfficer,
  institution_pending: DEMO.pendingOfficer,
  admin: DEMO.admin,
};

/** Signed in only to find ids that belong to someone else. */
export const OTHERS = {
  otherEnterprise: 'ent01@kerongtong.demo',
  otherInstitution: 'officer1@ccb.kerongtong.demo', // 建设银行佛山分行, active
} as const;
export type Other = keyof typeof OTHERS;

/** Where each role's own area starts (lib/auth/actor.ts homeFor). */
export const HOME: Record<Subject, string | null> = {
  anon: null,
  enterprise: '/enterprise',
  enterprise_rejected: '/enterprise',
  institution: '/institution',
  institution_suspended: '/institution',
  institution_pending: '/institution',
  admin: '/admin',
};

export type Contexts = Record<Subject | Other, APIRequestContext>;

/**
 * Signs every account in once through the sign-in form and keeps its cookies in `dir`, so a
 * restarted worker (after a failed test) reuses them instead of signing in again.
 */
export async function openContexts(browser: Browser, playwright: PlaywrightWorkerArgs['playwright'], baseURL: string, dir: string): Promise<Contexts> {
  fs.mkdirSync(dir, { recursive: true });
  const accounts = { ...ACCOUNTS, ...OTHERS } as Record<Exclude<Subject, 'anon'> | Other, string>;
  const out: Partial<Contexts> = { anon: await playwright.request.newContext({ baseURL }) };
  for (const [who, email] of Object.entries(accounts) as [Exclude<Subject, 'anon'> | Other, string][]) {
    const file = path.join(dir, `${who}.json`);
    if (!fs.existsSync(file)) {
      const context = await browser.newContext({ baseURL });
      const page = await context.newPage();
      await signInAs(page, email);
      await context.storageState({ path: file });
      await context.close();
    }
    out[who] = await playwright.request.newContext({ baseURL, storageState: file });
  }
  return out as Contexts;
}
