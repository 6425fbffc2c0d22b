import { describe, expect, it } from 'vitest';
import { productFormSchema, type ProductFormInput } from './product';

const valid: ProductFormInput = {
  name: '设备更新贷',
  category: 'equipment',
  summary: '支持园区制造企业购置生产设备',
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
  repaymentMethods: ['equal_principal', 'equal_installment'],
  requiredCertifications: [],
  minInnovationScore: '',
  minYearsInOperation: '2',
  eligibleParkIds: ['1', '2'],
  eligibleIndustries: ['C'],
  maxEmployees: '',
  zoneExclusive: true,
  requiredDocuments: '营业执照\n 设备购置合同 \n\n',
};

function errors(input: Partial<ProductFormInput>) {
  const r = productFormSchema.safeParse({ ...valid, ...input });
  return Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

describe('product form rules', () => {
  it('converts a valid form to fen, months and basis points', () => {
    const p = productFormSchema.parse(valid);
    expect(p).toMatchObject({
      amountMinFen: 100_000_000n,
      amountMaxFen: 2_000_000_000n,
      termMinMonths: 12,
      termMaxMonths: 60,
      rateMin: 320,
      rateMax: 450,
      feeRate: 0,
      minYearsInOperation: 2,
      minInnovationScore: null,
      eligibleParkIds: [1, 2],
      requiredDocuments: ['营业执照', '设备购置合同'],
    });
  });

  it('puts a min-above-max error on the min field, for amount, term and rate', () => {
    expect(errors({ amountMinWan: '3000' })).toEqual({ amountMinWan: 'amount_min_above_max' });
    expect(errors({ termMinMonths: '72' })).toEqual({ termMinMonths: 'term_min_above_max' });
    expect(errors({ rateMin: '5' })).toEqual({ rateMin: 'rate_min_above_max' });
  });

  it('keeps rates within 0–36 % a year with at most two decimals', () => {
    expect(errors({ rateMax: '36.01' })).toEqual({ rateMax: 'rate_range' });
    expect(errors({ rateMax: '36' })).toEqual({});
    expect(errors({ rateMin: '-1' })).toEqual({ rateMin: 'rate_format' });
    expect(errors({ rateMin: '3.255' })).toEqual({ rateMin: 'rate_format' });
  });

  it('requires positive amounts and terms of 1–360 months', () => {
    expect(errors({ amountMinWan: '0' })).toEqual({ amountMinWan: 'amount_positive' });
    expect(errors({ termMaxMonths: '361' })).toEqual({ termMaxMonths: 'months' });
    expect(errors({ termMinMonths: '0' })).toEqual({ termMinMonths: 'months' });
  });

  it('needs at least one guarantee and one repayment method, and a category', () => {
    expect(errors({ guaranteeMethods: [], repaymentMethods: [], category: '' as ProductFormInput['category'] })).toEqual({
      guaranteeMethods: 'choose_one',
      repaymentMethods: 'choose_one',
      category: 'category',
    });
  });

  it('checks the optional eligibility numbers', () => {
    expect(errors({ minInnovationScore: '100.5' })).toEqual({ minInnovationScore: 'score' });
    expect(errors({ minInnovationScore: '65.5' })).toEqual({});
    expect(errors({ maxEmployees: 'many' })).toEqual({ maxEmployees: 'integer' });
  });
});
