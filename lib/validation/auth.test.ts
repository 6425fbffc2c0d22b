import { describe, expect, it } from 'vitest';
import { withUsccCheckChar } from '../enterprises/uscc';
import { enterpriseRegistrationSchema, institutionRegistrationSchema } from './auth';

const goodUscc = withUsccCheckChar('91440605MA4UABCD1');
const corrupted = goodUscc.slice(0, 17) + (goodUscc[17] === '1' ? '2' : '1');

const enterprise = {
  uscc: goodUscc,
  confirmAsPrinted: false,
  name: '佛山市南海区测试科技有限公司',
  parkId: '2',
  industry: 'C',
  foundedOn: '2019-05-06',
  registeredCapitalWan: '1000',
  employees: '85',
  contactName: '张三',
  email: 'Finance@Example.COM',
  password: 'a-long-password',
  passwordConfirm: 'a-long-password',
};

function messages(r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

describe('enterprise registration schema', () => {
  it('accepts a valid registration and converts amounts and email', () => {
    const r = enterpriseRegistrationSchema.parse(enterprise);
    expect(r.registeredCapitalFen).toBe(1_000_000_000n);
    expect(r.email).toBe('finance@example.com');
    expect(r.parkId).toBe(2);
    expect(r.employees).toBe(85);
  });

  it('refuses a corrupted check character unless the user confirms the code as printed', () => {
    expect(messages(enterpriseRegistrationSchema.safeParse({ ...enterprise, uscc: corrupted }))).toEqual({ uscc: 'uscc_check' });
    expect(enterpriseRegistrationSchema.safeParse({ ...enterprise, uscc: corrupted, confirmAsPrinted: true }).success).toBe(true);
  });

  it('reports a wrong check character and mismatched passwords in the same answer as the other fields’ problems', () => {
    expect(messages(enterpriseRegistrationSchema.safeParse({ ...enterprise, uscc: corrupted, name: '', passwordConfirm: 'other-password-1' }))).toEqual({
      uscc: 'uscc_check',
      name: 'required',
      passwordConfirm: 'password_mismatch',
    });
    // An empty code has one message, not a second one from the check.
    expect(messages(enterpriseRegistrationSchema.safeParse({ ...enterprise, uscc: '', name: '' }))).toEqual({ uscc: 'required', name: 'required' });
  });

  it('never lets confirmation excuse a malformed code', () => {
    expect(messages(enterpriseRegistrationSchema.safeParse({ ...enterprise, uscc: 'ABC', confirmAsPrinted: true }))).toEqual({ uscc: 'uscc_length' });
    expect(messages(enterpriseRegistrationSchema.safeParse({ ...enterprise, uscc: 'O' + goodUscc.slice(1), confirmAsPrinted: true }))).toEqual({
      uscc: 'uscc_charset',
    });
  });

  it('names each bad field with its own message', () => {
    const r = enterpriseRegistrationSchema.safeParse({
      ...enterprise,
      email: 'not-an-email',
      password: 'short',
      passwordConfirm: 'other',
      registeredCapitalWan: '-3',
      foundedOn: '2019-02-30',
      industry: 'Z',
    });
    expect(messages(r)).toMatchObject({
      email: 'email',
      password: 'password_short',
      registeredCapitalWan: 'amount_wan',
      foundedOn: 'date',
      industry: 'industry',
    });
  });

  it('refuses mismatched passwords and a founding date in the future', () => {
    expect(messages(enterpriseRegistrationSchema.safeParse({ ...enterprise, passwordConfirm: 'different-password' }))).toEqual({
      passwordConfirm: 'password_mismatch',
    });
    expect(messages(enterpriseRegistrationSchema.safeParse({ ...enterprise, foundedOn: '2099-01-01' }))).toEqual({ foundedOn: 'date_future' });
    expect(enterpriseRegistrationSchema.safeParse({ ...enterprise, foundedOn: '2999-01-01' }).error?.issues.map((i) => i.message)).toContain(
      'date_range_historic',
    );
  });
});

describe('institution registration schema', () => {
  it('has no as-printed override: a wrong check character is always refused', () => {
    const base = {
      uscc: goodUscc,
      name: '某某银行佛山分行',
      kind: 'bank',
      contactPhone: '0757-8888 0000',
      contactName: '李四',
      email: 'x@bank.cn',
      password: 'a-long-password',
      passwordConfirm: 'a-long-password',
    };
    expect(institutionRegistrationSchema.safeParse(base).success).toBe(true);
    expect(messages(institutionRegistrationSchema.safeParse({ ...base, uscc: corrupted, confirmAsPrinted: true }))).toEqual({ uscc: 'uscc_check' });
  });
});
