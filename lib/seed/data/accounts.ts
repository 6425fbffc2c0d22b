// The demo accounts a visitor signs in with (README, login page hints, e2e tests).
export const DEMO_PASSWORD = 'kerongtong-demo';

export const DEMO_ACCOUNTS = {
  admin: 'admin@kerongtong.demo',
  bank: 'bank@kerongtong.demo',
  sme: 'sme@kerongtong.demo',
} as const;

export const DEMO_ACCOUNT_NAMES = {
  admin: '园区管理员 李敏',
  bank: '陈志强',
  sme: '王丽华',
} as const;

/** Institution key (see institutions.ts) of the demo bank account. */
export const DEMO_BANK_INSTITUTION = 'icbc';
/** The demo SME: a verified enterprise in 南海园. */
export const DEMO_SME_NAME = '佛山市南海区科睿智能装备有限公司';

/** officer1@ccb.kerongtong.demo — the one officer of every institution except the demo bank. */
export function officerEmail(institutionKey: string): string {
  return `officer1@${institutionKey}.kerongtong.demo`;
}

/** ent01@kerongtong.demo — the owner of every generated enterprise (the demo SME's owner is sme@). */
export function enterpriseOwnerEmail(n: number): string {
  return `ent${String(n).padStart(2, '0')}@kerongtong.demo`;
}
