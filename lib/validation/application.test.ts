import { describe, expect, it } from 'vitest';
import { applicationDecisionSchema, applicationFormSchema } from './application';

const ID = '0b6f2a52-6a0e-4c53-9a53-0c2f6f1f7a11';

describe('application schemas: amounts typed in 万元 come out in fen, under a *Fen key', () => {
  it('the application form', () => {
    const r = applicationFormSchema.parse({
      productId: ID,
      needId: '',
      amountWan: '500.5',
      termMonths: '12',
      ipAssetIds: [],
      idempotencyKey: 'key-0123456789',
    });
    expect(r.amountFen).toBe(500_500_000n);
    expect(r).not.toHaveProperty('amountWan');
  });

  it('the approval', () => {
    const r = applicationDecisionSchema.parse({
      applicationId: ID,
      action: 'approve',
      approvedAmountWan: '400',
      approvedRate: '3.45',
      approvedTermMonths: '12',
    });
    expect(r).toMatchObject({ action: 'approve', approvedAmountFen: 400_000_000n, approvedRate: 345, approvedTermMonths: 12 });
    expect(r).not.toHaveProperty('approvedAmountWan');
  });
});
