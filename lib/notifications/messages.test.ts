import { describe, expect, it } from 'vitest';
import { NOTICES, type Notice } from './messages';
import { noticeRow } from './notify';
import { renderNotification } from './render';

const APP = '7f1c1a52-3c55-4b8e-9a57-2f7a3b8f0c11';
const LOAN = '0b8f3a4e-1f0d-4c33-8d1e-5a2b9c6d7e80';
const product = '工银科创积分贷';
const reason = '缺少近两年审计报告';
const scheme = '佛山高新区科技信贷风险补偿资金';
const enterprise = '佛山市南海区星河光电科技有限公司';

/** One notice of every kind, with Chinese user data (names and reasons as entered). */
const SAMPLES: Notice[] = [
  { kind: 'application.submitted', params: { applicationId: APP, product, amountFen: 5_000_000_000n, termMonths: 12 } },
  { kind: 'application.withdraw', params: { applicationId: APP, product } },
  { kind: 'application.resubmit', params: { applicationId: APP, product } },
  { kind: 'application.accept', params: { applicationId: APP, product } },
  { kind: 'application.approve', params: { applicationId: APP, product } },
  { kind: 'application.disburse', params: { applicationId: APP, product } },
  { kind: 'application.reject', params: { applicationId: APP, product, reason } },
  { kind: 'application.request_materials', params: { applicationId: APP, product, reason } },
  { kind: 'match.interest', params: { needId: APP, institution: '招商银行佛山分行', enterprise } },
  { kind: 'match.declined', params: { enterprise, product } },
  { kind: 'match.accepted', params: { enterpriseId: APP, enterprise, product } },
  ...(['repay', 'mark_overdue', 'cure', 'default', 'compensate', 'write_off'] as const).map(
    (a): Notice => ({ kind: `loan.${a}`, params: { loanId: LOAN, principalFen: 3_000_000_000n, outstandingFen: 1_234_567_800n } }),
  ),
  { kind: 'loan.repayment', params: { loanId: LOAN, principalFen: 100_000_000n, interestFen: 1_234_500n, outstandingFen: 0n, paidOn: '2026-11-20' } },
  { kind: 'pledge.register', params: { loanId: null, registrationNumber: 'Y2026440000123', registeredOn: '2026-11-02' } },
  { kind: 'pledge.release', params: { loanId: LOAN } },
  { kind: 'pledge.enforce', params: { loanId: LOAN } },
  { kind: 'claim.filed', params: { scheme, lossFen: 800_000_000n, compensationFen: 320_000_000n } },
  { kind: 'claim.approve', params: { loanId: LOAN, scheme, compensationFen: 320_000_000n } },
  { kind: 'claim.reject', params: { loanId: LOAN, reason } },
  { kind: 'claim.paid', params: { loanId: LOAN, scheme, paidFen: 200_000_000n, approvedFen: 320_000_000n } },
  { kind: 'institution.approve', params: {} },
  { kind: 'institution.reject', params: { reason } },
  { kind: 'institution.suspend', params: {} },
  { kind: 'institution.reactivate', params: {} },
  { kind: 'institution.registered', params: { institution: '民生银行佛山分行' } },
  { kind: 'enterprise.verify', params: { note: '已电话核实' } },
  { kind: 'enterprise.reject', params: { note: reason } },
  { kind: 'enterprise.revoke', params: { note: reason } },
  { kind: 'enterprise.reopen', params: {} },
  { kind: 'enterprise.registered', params: { enterprise, checkFailed: false, outsideZone: false } },
  { kind: 'enterprise.registered_uscc_override', params: { enterprise, checkFailed: true, outsideZone: true } },
  { kind: 'enterprise.registered_outside_zone', params: { enterprise, checkFailed: false, outsideZone: true } },
  { kind: 'certification.verify', params: { certKind: 'high_tech', number: 'GR202444001234', note: '已核对证书原件' } },
  { kind: 'certification.reject', params: { certKind: 'gazelle', number: 'FSGZ-2026-017', note: reason } },
  { kind: 'certification.revoke', params: { certKind: 'tech_sme', number: '2026440605A0001', note: reason } },
  { kind: 'certification.reopen', params: { certKind: 'little_giant', number: 'XJR-2025-88' } },
  { kind: 'certification.submitted', params: { certKind: 'specialized_sme', number: 'ZJTX-2026-0301' } },
  { kind: 'certification.pending', params: { certKind: 'gazelle', number: 'FSGZ-2026-017' } },
  { kind: 'product.recommended', params: { productId: APP, product } },
  { kind: 'need.stale', params: { enterprise, amountFen: 10_000_000_000n, termMonths: 36, postedOn: '2026-11-10' } },
];

const HAN = /\p{Script=Han}/u;
/** The rendering with the notice's own strings (user data as entered) taken out. */
function withoutParams(text: string, params: Record<string, unknown>): string {
  return Object.values(params)
    .filter((v): v is string => typeof v === 'string' && v !== '')
    .sort((a, b) => b.length - a.length)
    .reduce((acc, v) => acc.split(v).join(''), text);
}
const render = (n: Notice, locale: 'zh' | 'en') => renderNotification({ ...noticeRow(n), title: '', body: '' }, locale);

describe('notification messages', () => {
  it('has a sample of every kind', () => {
    expect(new Set(SAMPLES.map((s) => s.kind))).toEqual(new Set(Object.keys(NOTICES)));
  });

  it.each(SAMPLES.map((s) => [s.kind, s] as const))('%s renders in both languages with every key and variable filled', (_kind, n) => {
    for (const locale of ['zh', 'en'] as const) {
      const r = render(n, locale);
      expect(r.title.length).toBeGreaterThan(0);
      for (const text of [r.title, r.body]) {
        expect(text).not.toMatch(/\{\w+\}/);
        expect(text).not.toContain('notifications.');
        expect(text).not.toContain('certifications.');
        expect(text).not.toContain('undefined');
      }
    }
    expect(render(n, 'zh').title).toMatch(HAN);
    const en = render(n, 'en');
    expect(withoutParams(`${en.title}\n${en.body}`, n.params)).not.toMatch(HAN);
  });

  it('formats amounts in fen as 万元 / 10k CNY and reads stored digit strings back', () => {
    const n: Notice = {
      kind: 'loan.repayment',
      params: { loanId: LOAN, principalFen: 100_000_000n, interestFen: 1_234_500n, outstandingFen: 0n, paidOn: '2026-11-20' },
    };
    const row = noticeRow(n);
    expect(row.params).toMatchObject({ principalFen: '100000000', interestFen: '1234500', outstandingFen: '0' });
    expect(JSON.parse(JSON.stringify(row.params))).toEqual(row.params);
    expect(render(n, 'zh').title).toBe('已登记还款：本金 100.00 万元，利息 1.23 万元');
    expect(render(n, 'en').title).toBe('Repayment recorded: principal 100.00 (10k CNY), interest 1.23 (10k CNY)');
    expect(row.link).toBe(`/enterprise/loans/${LOAN}`);
  });

  it('gives each rendering its variants: flags, a partial payout, a decider’s note, no loan yet', () => {
    expect(render(SAMPLES.find((s) => s.kind === 'enterprise.registered_uscc_override')!, 'en').title).toBe(
      `New enterprise (credit code failed its check character; credit code’s region is outside the zone’s city; check by hand): ${enterprise}`,
    );
    expect(render(SAMPLES.find((s) => s.kind === 'enterprise.registered')!, 'zh').title).toBe(`新企业注册待核验：${enterprise}`);
    expect(render(SAMPLES.find((s) => s.kind === 'claim.paid')!, 'en').body).toBe(
      `${scheme} had too little balance and paid what it holds (approved compensation 320.00 (10k CNY)).`,
    );
    expect(render({ kind: 'claim.paid', params: { loanId: LOAN, scheme, paidFen: 5n, approvedFen: 5n } }, 'zh').body).toBe(`${scheme}已按核定金额拨付。`);
    expect(render(SAMPLES.find((s) => s.kind === 'certification.verify')!, 'en')).toMatchObject({
      title: 'Certification verified: High-tech enterprise (GR202444001234)',
      body: 'It now counts towards product eligibility and matching. Note: 已核对证书原件',
    });
    expect(noticeRow(SAMPLES.find((s) => s.kind === 'pledge.register')!).link).toBeNull();
    expect(noticeRow({ kind: 'institution.reject', params: { reason } }).link).toBe('/account/status');
  });

  it('refuses parameters that do not fit the kind', () => {
    expect(() => noticeRow({ kind: 'loan.cure', params: { loanId: LOAN } } as unknown as Notice)).toThrow();
    expect(() =>
      noticeRow({
        kind: 'loan.repayment',
        params: { loanId: LOAN, principalFen: '1.5', interestFen: 0n, outstandingFen: 0n, paidOn: 'today' },
      } as unknown as Notice),
    ).toThrow();
  });

  it('shows a row written before kind + params as stored, and an unknown kind or broken parameters as a plain notification', () => {
    const legacy = { kind: 'application.accept', params: {}, title: '您的融资申请已受理', body: '', link: '/enterprise/applications/x' };
    expect(renderNotification(legacy, 'en')).toEqual({ title: '您的融资申请已受理', body: '', link: '/enterprise/applications/x' });
    expect(renderNotification({ kind: 'something.new', params: {}, title: '', body: '', link: null }, 'en')).toEqual({
      title: 'Notification',
      body: '',
      link: null,
    });
    expect(renderNotification({ kind: 'loan.cure', params: { loanId: 1 }, title: '', body: '', link: null }, 'zh').title).toBe('通知');
  });
});
