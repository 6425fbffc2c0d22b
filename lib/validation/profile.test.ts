import { describe, expect, it } from 'vitest';
import { profileToForm } from './profile';

const e = { name: '佛山科睿', parkId: 1, industry: 'C', foundedOn: '2018-04-02', registeredCapitalFen: 1_000_000_00n, employees: 60 };

describe('profileToForm', () => {
  it('leaves revenue and R&D expense blank until the enterprise entered them (registration leaves both at 0)', () => {
    expect(profileToForm({ ...e, revenueFen: 0n, rndExpenseFen: 0n })).toMatchObject({ revenueWan: '', rndExpenseWan: '', registeredCapitalWan: '100' });
  });

  it('shows what was entered, a 0 beside a figure included (a start-up without revenue yet)', () => {
    expect(profileToForm({ ...e, revenueFen: 0n, rndExpenseFen: 420_500_000n })).toMatchObject({ revenueWan: '0', rndExpenseWan: '420.5' });
    expect(profileToForm({ ...e, revenueFen: 6_800_000_000n, rndExpenseFen: 0n })).toMatchObject({ revenueWan: '6800', rndExpenseWan: '0' });
  });
});
