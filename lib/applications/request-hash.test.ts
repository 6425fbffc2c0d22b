import { describe, expect, it } from 'vitest';
import { requestHash } from './service';
import { applicationFormSchema } from '../validation/application';

const base = {
  productId: '0b6f2a52-6a0e-4c53-9a53-0c2f6f1f7a11',
  needId: '',
  amountWan: '500',
  termMonths: '12',
  ipAssetIds: [],
  idempotencyKey: 'key-0123456789',
};
const docA = '1d7c6a3e-4b8e-4f4f-8d8a-2a0b6c1f9e01';
const docB = '2e8d7b4f-5c9f-4a5a-9e9b-3b1c7d2a0f02';
const hash = (over: Record<string, unknown> = {}) => requestHash(applicationFormSchema.parse({ ...base, ...over }));

describe('an application request body, as its idempotency key stands for it', () => {
  it('differs when the chosen repayment method or the shared documents differ', () => {
    expect(hash({ repaymentMethod: 'equal_installment' })).not.toBe(hash({ repaymentMethod: 'interest_first' }));
    expect(hash({ repaymentMethod: 'equal_installment' })).not.toBe(hash());
    expect(hash({ documentIds: [docA] })).not.toBe(hash({ documentIds: [docA, docB] }));
    expect(hash({ documentIds: [docA] })).not.toBe(hash());
  });

  it('is the same for the same documents in another order', () => {
    expect(hash({ documentIds: [docA, docB] })).toBe(hash({ documentIds: [docB, docA] }));
  });
});
