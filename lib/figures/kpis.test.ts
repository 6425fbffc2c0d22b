import { describe, expect, it } from 'vitest';
import type { ZoneFigures } from './service';
import { keyFigures, previousPeriod } from './kpis';

const figures = (over: Partial<ZoneFigures> = {}): ZoneFigures => ({
  institutions: 10,
  products: 20,
  exclusiveProducts: 3,
  registeredEnterprises: 100,
  enterprisesWithNeeds: 5,
  needs: 6,
  demandFen: 1_000_000n,
  applications: 8,
  approved: 4,
  decided: 6,
  responded: 7,
  approvalRate: 4 / 6,
  medianResponseHours: 12,
  creditApplications: 4,
  creditGrantedFen: 500n,
  loans: 3,
  disbursedFen: 300n,
  ipPledgeProjects: 2,
  ipPledgeFen: 200n,
  schemes: [
    {
      code: 'fs-ip',
      name: '风险补偿',
      kind: 'ip_pledge_compensation',
      enrolledLoans: 1,
      supportedEnterprises: 1,
      institutions: 1,
      disbursedFen: 1n,
      claimsPaidFen: 0n,
      balanceFen: 7_000n,
    },
    {
      code: 'fs-guar',
      name: '融担',
      kind: 'guarantee_fund',
      enrolledLoans: 1,
      supportedEnterprises: 1,
      institutions: 1,
      disbursedFen: 1n,
      claimsPaidFen: 0n,
      balanceFen: 99_999n,
    },
  ],
  ...over,
});

describe('previousPeriod', () => {
  it('goes back by as many calendar months for whole months', () => {
    expect(previousPeriod({ from: '2026-01-01', to: '2026-12-31' })).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(previousPeriod({ from: '2025-01-01', to: '2025-12-31' })).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod({ from: '2026-04-01', to: '2026-06-30' })).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(previousPeriod({ from: '2024-03-01', to: '2024-03-31' })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('goes back by as many days otherwise, ending the day before', () => {
    expect(previousPeriod({ from: '2026-03-10', to: '2026-03-19' })).toEqual({ from: '2026-02-28', to: '2026-03-09' });
    expect(previousPeriod({ from: '2026-05-10', to: '2026-05-10' })).toEqual({ from: '2026-05-09', to: '2026-05-09' });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-11-30' }).to).toBe('2025-12-31'); // Jan–Nov: 11 months back
  });
});

describe('keyFigures', () => {
  it('takes each KPI from the zone figures and compares it with the period before', () => {
    const k = Object.fromEntries(
      keyFigures(figures(), figures({ institutions: 8, disbursedFen: 400n, creditApplications: 0, schemes: [] })).map((x) => [x.id, x]),
    );
    expect(Object.keys(k)).toEqual(['institutions', 'products', 'registeredEnterprises', 'demand', 'approvals', 'disbursed', 'ipPledgeProjects', 'riskFund']);
    expect(k.institutions).toMatchObject({ kind: 'stock', unit: 'count', value: 10n, previous: 8n, change: 2n, changePermille: 250 });
    expect(k.disbursed).toMatchObject({ kind: 'flow', unit: 'fen', value: 300n, previous: 400n, change: -100n, changePermille: -250 });
    expect(k.approvals).toMatchObject({ value: 4n, previous: 0n, changePermille: null });
    // only the IP-pledge compensation fund's balance, not the guarantee fund's
    expect(k.riskFund).toMatchObject({ kind: 'stock', value: 7_000n, previous: 0n });
    expect(k.products.changePermille).toBe(0);
  });

  it('rounds the change half away from zero, in tenths of a percent', () => {
    const one = (a: number, b: number) =>
      keyFigures(figures({ ipPledgeProjects: a }), figures({ ipPledgeProjects: b })).find((x) => x.id === 'ipPledgeProjects')!.changePermille;
    expect(one(2, 3)).toBe(-333);
    expect(one(5, 3)).toBe(667);
    expect(one(2001, 2000)).toBe(1); // 0.05 % → 0.1 %
    expect(one(1999, 2000)).toBe(-1);
  });
});
