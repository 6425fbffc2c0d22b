// Registration forms for tests, parsed as the actions parse them: valid unless `over` says otherwise.
import { AppError } from '../core/errors';
import { enterpriseRegistrationSchema, institutionRegistrationSchema } from '../validation/auth';
import { withUsccCheckChar } from './uscc';

export const enterpriseRegistrationForm = (parkId: number, over: Record<string, unknown> = {}) =>
  enterpriseRegistrationSchema.parse({
    uscc: withUsccCheckChar('91440605MA4UREG01'),
    confirmAsPrinted: false,
    name: '佛山市南海区注册测试有限公司',
    parkId: String(parkId),
    industry: 'C',
    foundedOn: '2018-03-01',
    registeredCapitalWan: '500',
    employees: '40',
    contactName: '刘洋',
    email: 'reg1@example.com',
    password: 'correct-horse-battery',
    passwordConfirm: 'correct-horse-battery',
    ...over,
  });

export const institutionRegistrationForm = (over: Record<string, unknown> = {}) =>
  institutionRegistrationSchema.parse({
    uscc: withUsccCheckChar('91440600MA4UBNK02'),
    name: '另一测试银行佛山分行',
    kind: 'bank',
    contactPhone: '0757-83000001',
    contactName: '周杰',
    email: 'officer2@testbank.cn',
    password: 'correct-horse-battery',
    passwordConfirm: 'correct-horse-battery',
    ...over,
  });

/** The refusal's code, message key, field and variables; null when it did not refuse. */
export async function refusalOf(p: Promise<unknown>) {
  try {
    await p;
    return null;
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, key: e.messageKey, field: e.details?.field, ...(e.details?.vars ? { vars: e.details.vars } : {}) };
    throw e;
  }
}
