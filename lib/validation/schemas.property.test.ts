// Property-based tests (issue 9): every zod schema a server action or route uses, fed hostile input —
// full-width digits, 万元 with three decimals, negative, huge, NaN, NUL and other control
// characters, SQL and HTML, values of the wrong type. safeParse never throws, and whatever it
// accepts keeps the invariants: no control characters (tabs and line feeds only in text areas),
// amounts whole fen within their bound, dates within range, rates within 0–36 %.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { expressInterestSchema, fitsPageSchema, respondToInterestSchema } from '../matching/service';
import { auditQuerySchema, institutionListQuerySchema, passwordResetSchema, userSearchQuerySchema, userStatusActionSchema } from './admin';
import { applicationDecisionSchema, applicationFormSchema, pledgeRegistrationFormSchema } from './application';
import { enterpriseRegistrationSchema, institutionRegistrationSchema, signInSchema } from './auth';
import { calendarDayRemoveSchema, calendarDaySchema } from './calendar';
import { catalogueQuerySchema } from './catalogue';
import { hasControlChars, maxFen } from './common';
import { compareQuerySchema } from './compare';
import { dashboardQuerySchema, figureExportQuerySchema, figureListQuerySchema, figuresFilterSchema } from './figures';
import { innovationInputsFormSchema, weightSetPublishSchema } from './innovation';
import { ipAssetFormSchema, ipAssetIdSchema } from './ip-asset';
import {
  claimDecisionSchema,
  claimFilingSchema,
  claimPaymentSchema,
  contributionSchema,
  loanActionSchema,
  loanListQuerySchema,
  pledgeActionSchema,
  pledgeRegistrationSchema,
  repaymentSchema,
} from './loans';
import { needActionSchema, needFormSchema, needsBoardQuerySchema } from './need';
import { productActionSchema, productFormSchema } from './product';
import { certificationFormSchema, idSchema, inviteFormSchema, profileFormSchema, setPasswordSchema } from './profile';
import { verificationDecisionSchema } from './verification';
import { withUsccCheckChar } from '../enterprises/uscc';

const ID = '6f1c1e4a-8a6b-4c1e-9d5e-0a1b2c3d4e5f';
const uscc = withUsccCheckChar('91440605MA4UPRQP1');

/** Each schema with one valid input; the properties mutate its fields. */
const SCHEMAS: Record<string, { schema: z.ZodType; valid: Record<string, unknown> }> = {
  needForm: {
    schema: needFormSchema,
    valid: {
      amountWan: '500',
      termMonths: '36',
      purpose: 'equipment',
      guaranteeMethods: ['pledge'],
      maxRate: '4.5',
      wantedBy: '',
      ipAssetIds: [],
      description: '购置设备',
    },
  },
  needAction: { schema: needActionSchema, valid: { needId: ID, action: 'withdraw' } },
  calendarDay: { schema: calendarDaySchema, valid: { day: '2026-10-01', kind: 'holiday', name: '国庆节' } },
  calendarDayRemove: { schema: calendarDayRemoveSchema, valid: { day: '2026-10-01' } },
  needsBoard: { schema: needsBoardQuerySchema, valid: { minAmount: '100', purpose: 'rnd', page: '2' } },
  productForm: {
    schema: productFormSchema,
    valid: {
      name: '设备更新贷',
      category: 'equipment',
      summary: '支持设备购置',
      description: '',
      amountMinWan: '100',
      amountMaxWan: '2000',
      termMinMonths: '12',
      termMaxMonths: '60',
      rateType: 'fixed',
      rateMin: '3.2',
      rateMax: '4.5',
      feeRate: '0',
      guaranteeMethods: ['mortgage'],
      repaymentMethods: ['equal_principal'],
      requiredCertifications: [],
      minInnovationScore: '',
      minYearsInOperation: '2',
      eligibleParkIds: ['1'],
      eligibleIndustries: ['C'],
      maxEmployees: '',
      zoneExclusive: false,
      requiredDocuments: '营业执照',
    },
  },
  productAction: { schema: productActionSchema, valid: { productId: ID, action: 'publish' } },
  applicationForm: {
    schema: applicationFormSchema,
    valid: { productId: ID, needId: '', amountWan: '300', termMonths: '12', ipAssetIds: [], idempotencyKey: 'key-12345678' },
  },
  applicationDecision: {
    schema: applicationDecisionSchema,
    valid: { applicationId: ID, action: 'approve', approvedAmountWan: '300', approvedRate: '3.45', approvedTermMonths: '12' },
  },
  applicationReject: { schema: applicationDecisionSchema, valid: { applicationId: ID, action: 'reject', reason: '资料不全' } },
  pledgeRegistrationForm: {
    schema: pledgeRegistrationFormSchema,
    valid: { applicationId: ID, registrationNumber: 'Y2026440000001', registeredOn: '2026-01-10' },
  },
  enterpriseRegistration: {
    schema: enterpriseRegistrationSchema,
    valid: {
      uscc,
      confirmAsPrinted: false,
      name: '测试科技有限公司',
      parkId: '1',
      industry: 'C',
      foundedOn: '2015-03-01',
      registeredCapitalWan: '500',
      employees: '40',
      contactName: '张三',
      email: 'a@example.com',
      password: 'a-long-password',
      passwordConfirm: 'a-long-password',
    },
  },
  institutionRegistration: {
    schema: institutionRegistrationSchema,
    valid: {
      uscc,
      name: '测试银行',
      kind: 'bank',
      contactPhone: '0757-83000000',
      contactName: '李四',
      email: 'b@example.com',
      password: 'a-long-password',
      passwordConfirm: 'a-long-password',
    },
  },
  signIn: { schema: signInSchema, valid: { email: 'a@example.com', password: 'x' } },
  catalogue: { schema: catalogueQuerySchema, valid: { q: '设备', amount: '1000000', term: '12', page: '1' } },
  compare: { schema: compareQuerySchema, valid: { ids: [ID], amountWan: '300', term: '12' } },
  figures: { schema: figuresFilterSchema, valid: { from: '2026-01-01', to: '2026-12-31' } },
  dashboard: { schema: dashboardQuerySchema, valid: { from: '2026-01-01', breakdown: 'park' } },
  figureList: { schema: figureListQuerySchema, valid: { from: '2026-01-01', page: '1' } },
  figureExport: { schema: figureExportQuerySchema, valid: { table: 'figures', from: '2026-01-01' } },
  innovationInputs: {
    schema: innovationInputsFormSchema,
    valid: {
      rnd_expense: '100',
      rnd_growth: '-5',
      rnd_ratio: '3',
      st_staff_share: '20',
      invention_patents: '2',
      pct_applications: '0',
      tech_contract_turnover: '50',
      hightech_revenue: '800',
      revenue: '1000',
      revenue_growth: '12.5',
      postgrad_share: '8',
      rnd_super_deduction: '100',
      roe: '-2',
      graduate_hires: '3',
      platforms: '1',
      awards: '0',
    },
  },
  weightSetPublish: { schema: weightSetPublishSchema, valid: { name: 'v2', weightsJson: '{}' } },
  ipAssetForm: {
    schema: ipAssetFormSchema,
    valid: {
      kind: 'trademark',
      number: '第36512874号',
      title: '科睿',
      owners: '甲科技\n乙大学',
      grantDate: '2020-01-01',
      expiryDate: '2030-01-01',
      inForce: true,
      feesPaid: true,
      valuationWan: '680',
      appraiser: '评估所',
      valuedOn: '2026-01-01',
    },
  },
  ipAssetId: { schema: ipAssetIdSchema, valid: { assetId: ID } },
  repayment: { schema: repaymentSchema, valid: { loanId: ID, principalWan: '12.5', interestWan: '0.0001', paidOn: '2026-01-01' } },
  loanAction: { schema: loanActionSchema, valid: { loanId: ID, action: 'mark_overdue' } },
  pledgeRegistration: { schema: pledgeRegistrationSchema, valid: { pledgeId: ID, registrationNumber: 'Y1', registeredOn: '2026-01-01' } },
  pledgeAction: { schema: pledgeActionSchema, valid: { pledgeId: ID } },
  contribution: { schema: contributionSchema, valid: { schemeId: ID, amountWan: '1000', contributedOn: '2026-01-01', note: '财政拨付' } },
  claimFiling: { schema: claimFilingSchema, valid: { loanId: ID, lossWan: '120.5' } },
  claimDecision: { schema: claimDecisionSchema, valid: { claimId: ID, decision: 'reject', reason: '不符合条件' } },
  claimPayment: { schema: claimPaymentSchema, valid: { claimId: ID } },
  loanList: { schema: loanListQuerySchema, valid: { status: 'active', page: '2' } },
  profileForm: {
    schema: profileFormSchema,
    valid: {
      name: '测试科技',
      parkId: '1',
      industry: 'C',
      foundedOn: '2015-03-01',
      registeredCapitalWan: '500',
      employees: '40',
      revenueWan: '6800',
      rndExpenseWan: '420.5',
    },
  },
  certificationForm: {
    schema: certificationFormSchema,
    valid: { kind: 'high_tech', number: 'GR202344000001', validFrom: '2023-01-01', validTo: '2025-12-31' },
  },
  inviteForm: { schema: inviteFormSchema, valid: { name: '王五', email: 'c@example.com', memberRole: 'officer' } },
  setPassword: { schema: setPasswordSchema, valid: { token: 'a'.repeat(40), password: 'a-long-password', passwordConfirm: 'a-long-password' } },
  id: { schema: idSchema, valid: { id: ID } },
  userStatusAction: { schema: userStatusActionSchema, valid: { userId: ID, action: 'disable' } },
  passwordReset: { schema: passwordResetSchema, valid: { userId: ID } },
  institutionList: { schema: institutionListQuerySchema, valid: { status: 'active', q: '银行', page: '1' } },
  userSearch: { schema: userSearchQuerySchema, valid: { q: 'a@example.com', role: 'admin', page: '1' } },
  auditQuery: { schema: auditQuerySchema, valid: { actor: 'a@example.com', entity: 'product', entityId: ID, from: '2026-01-01', to: '2026-01-31' } },
  verificationDecision: { schema: verificationDecisionSchema, valid: { id: ID, action: 'reject', reason: '执照不符' } },
  expressInterest: { schema: expressInterestSchema, valid: { needId: ID, productId: ID } },
  respondToInterest: { schema: respondToInterestSchema, valid: { matchId: ID, accept: true } },
  fitsPage: { schema: fitsPageSchema, valid: { page: '3' } },
};

// ---------------------------------------------------------------- hostile values

const CONTROL = [...'\u0000\u0001\u0007\u0008\u000B\u000C\u000D\u000E\u001B\u007F\u0085\u009F\u2028\u2029', '\uD800', '\uDFFF'];
const toFullWidth = (s: string) => s.replace(/[0-9.\-%,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const control = fc.constantFrom(...CONTROL);
const withControl = fc.tuple(fc.string({ maxLength: 12 }), control, fc.string({ maxLength: 12 })).map(([a, c, b]) => a + c + b);
const threeDecimals = fc.tuple(fc.nat({ max: 999_999 }), fc.integer({ min: 0, max: 999 })).map(([w, f]) => `${w}.${String(f).padStart(3, '0')}`);
const huge = fc.oneof(
  fc.bigInt({ min: 1_000_001n, max: 10n ** 15n }).map(String),
  fc.constantFrom('999999999999', '1e12', '9007199254740993', '1' + '0'.repeat(40)),
);
const negative = fc.oneof(
  fc.integer({ min: 1, max: 1e9 }).map((n) => `-${n}`),
  fc.constantFrom('-0.01', '−5', '-1e3'),
);
const notANumber = fc.constantFrom('NaN', 'Infinity', '-Infinity', '0x10', '1e3', '1..2', '--1', '+5', '5,,', '', '   ', '٧٢', '五百');
const sqlHtml = fc.constantFrom(
  '1; DROP TABLE financing_needs;--',
  "' OR '1'='1",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '%00',
  '${7*7}',
  '{{7*7}}',
);
const fullWidth = fc.oneof(threeDecimals, huge, fc.nat({ max: 1_000_000 }).map(String), negative).map(toFullWidth);
const wrongType = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
  fc.bigInt().map((b) => b),
);

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  withControl,
  threeDecimals,
  huge,
  negative,
  notANumber,
  sqlHtml,
  fullWidth,
  wrongType,
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

// ---------------------------------------------------------------- invariants of what parses

const MULTILINE_KEYS = new Set(['description', 'reason', 'note', 'weightsJson']);
/** Passwords are hashed, never stored or shown: any character is fine. */
const SECRET_KEYS = new Set(['password', 'passwordConfirm']);
const RATE_KEYS = new Set(['maxRate', 'rateMin', 'rateMax', 'feeRate', 'approvedRate']);
/** Fields bounded at 100亿元 (the rest of the money is bounded at 1万亿元 at most). */
const LOAN_AMOUNT_KEYS = new Set([
  'amountWan',
  'amountMinWan',
  'amountMaxWan',
  'approvedAmountWan',
  'valuationWan',
  'lossWan',
  'principalWan',
  'interestWan',
  'amountFen',
  'amountMinFen',
  'amountMaxFen',
  'valuationFen',
  'lossFen',
  'principalFen',
  'interestFen',
  'approvedAmountFen',
]);

function checkInvariants(value: unknown, key: string, problems: string[]): void {
  if (typeof value === 'string') {
    if (!SECRET_KEYS.has(key) && hasControlChars(value, MULTILINE_KEYS.has(key))) problems.push(`${key}: control character in ${JSON.stringify(value)}`);
    if (/^-?\d{4,}-\d{2}-\d{2}$/.test(value) && !(value >= '1900-01-01' && value <= '2100-12-31')) problems.push(`${key}: date out of range ${value}`);
  } else if (typeof value === 'bigint') {
    if (value < 0n) problems.push(`${key}: negative amount ${value}`);
    if (value > maxFen(LOAN_AMOUNT_KEYS.has(key) ? '100yi' : '1wanyi') && !['minAmount', 'maxAmount', 'amount'].includes(key))
      problems.push(`${key}: amount above its bound ${value}`);
  } else if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) problems.push(`${key}: not a safe integer ${value}`);
    if (RATE_KEYS.has(key) && (value < 0 || value > 3600)) problems.push(`${key}: rate out of range ${value}`);
  } else if (Array.isArray(value)) {
    for (const v of value) checkInvariants(v, key, problems);
  } else if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) problems.push(`${key}: invalid date`);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) checkInvariants(v, k, problems);
  }
}

function safeParseChecked(schema: z.ZodType, input: unknown): { success: boolean; problems: string[] } {
  const r = schema.safeParse(input); // throws → the property fails
  const problems: string[] = [];
  if (r.success) checkInvariants(r.data, '', problems);
  return { success: r.success, problems };
}

describe.each(Object.entries(SCHEMAS))('schema %s under hostile input', (_name, { schema, valid }) => {
  const keys = Object.keys(valid);

  it('accepts its valid example', () => {
    const r = safeParseChecked(schema, valid);
    expect(r).toEqual({ success: true, problems: [] });
  });

  it('never throws, and what it accepts keeps the invariants (one field replaced)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...keys), hostile, (key, v) => {
        expect(safeParseChecked(schema, { ...valid, [key]: v }).problems).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on several fields replaced, extra keys, or a value that is not an object', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys, '__proto__', 'constructor', 'extra'), hostile, { maxKeys: 4 }), (patch) => {
        expect(safeParseChecked(schema, { ...valid, ...patch }).problems).toEqual([]);
      }),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(fc.oneof(hostile, fc.anything()), (v) => {
        expect(safeParseChecked(schema, v).problems).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});

describe('hostile values are refused where they land', () => {
  // Each field that takes money, a date or text, with what must never get through.
  const refused: [string, string, fc.Arbitrary<string>][] = [
    [
      'needForm',
      'amountWan',
      fc.oneof(
        threeDecimals,
        huge,
        negative,
        notANumber,
        withControl,
        sqlHtml,
        fullWidth.filter((s) => !/^[０-９]+$/.test(s)),
      ),
    ],
    ['productForm', 'amountMaxWan', fc.oneof(threeDecimals, huge, negative, notANumber, withControl, sqlHtml)],
    ['applicationForm', 'amountWan', fc.oneof(threeDecimals, huge, negative, notANumber, withControl, sqlHtml)],
    ['contribution', 'amountWan', fc.oneof(threeDecimals, huge, negative, notANumber, withControl)],
    [
      'enterpriseRegistration',
      'registeredCapitalWan',
      fc.oneof(threeDecimals, fc.bigInt({ min: 10_000_001n, max: 10n ** 12n }).map(String), negative, notANumber, withControl),
    ],
    ['enterpriseRegistration', 'name', withControl.filter((s) => hasControlChars(s.trim()))],
    ['needForm', 'description', withControl.filter((s) => hasControlChars(s.replace(/\r\n?/g, '\n').trim(), true))],
    ['productForm', 'name', withControl.filter((s) => hasControlChars(s.trim()))],
    ['catalogue', 'q', withControl.filter((s) => hasControlChars(s.trim()))],
    [
      'figures',
      'from',
      fc.oneof(fc.constantFrom('0000-01-01', '1999-12-31', '2101-01-01', '9999-12-31', '-0001-01-01', '2026-02-30', '2026-13-01'), withControl),
    ],
    ['auditQuery', 'from', fc.constantFrom('0000-01-01', '1999-12-31', '2101-01-01')],
    [
      'repayment',
      'principalWan',
      fc.oneof(
        fc.constantFrom('0.0000001', '1000000.000001'),
        huge,
        negative,
        notANumber.filter((s) => s.trim() !== ''),
        withControl,
      ),
    ],
  ];
  it.each(refused)('%s.%s', (name, key, arb) => {
    const { schema, valid } = SCHEMAS[name];
    fc.assert(
      fc.property(arb, (v) => {
        expect(schema.safeParse({ ...valid, [key]: v }).success).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('full-width digits are read as ASCII', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 0, max: 99 }), (w, f) => {
        const typed = `${w}.${String(f).padStart(2, '0')}`;
        const r = needFormSchema.parse({ ...SCHEMAS.needForm.valid, amountWan: toFullWidth(typed) });
        expect(r.amountFen).toBe(needFormSchema.parse({ ...SCHEMAS.needForm.valid, amountWan: typed }).amountFen);
      }),
    );
  });

  it('SQL and HTML are text like any other', () => {
    fc.assert(
      fc.property(sqlHtml, (v) => {
        expect(needFormSchema.parse({ ...SCHEMAS.needForm.valid, description: v }).description).toBe(v);
      }),
    );
  });
});
