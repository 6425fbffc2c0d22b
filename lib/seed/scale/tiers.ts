// The sizes of the scale data sets (issue 10). Loans are the disbursed applications: 30 % of them,
// exactly, since application statuses repeat in blocks of 1000 (see applications.ts). Audit rows
// follow from the transitions (about 5 per application with its need, loan and pledge).
export type TierName = 'XS' | 'S' | 'M' | 'L';

export interface Tier {
  name: TierName;
  institutions: number;
  products: number;
  enterprises: number;
  needs: number;
  applications: number;
  /** Applications per batch (every other phase scales its batch from this). */
  batch: number;
  note: string;
}

export const TIERS: Record<TierName, Tier> = {
  XS: { name: 'XS', institutions: 6, products: 20, enterprises: 300, needs: 300, applications: 1_000, batch: 500, note: 'integration tests' },
  S: { name: 'S', institutions: 12, products: 100, enterprises: 1_000, needs: 3_000, applications: 10_000, batch: 2_500, note: 'CI smoke, < 30 s' },
  M: { name: 'M', institutions: 60, products: 2_000, enterprises: 100_000, needs: 300_000, applications: 1_000_000, batch: 50_000, note: 'city scale' },
  L: {
    name: 'L',
    institutions: 200,
    products: 10_000,
    enterprises: 1_000_000,
    needs: 3_000_000,
    applications: 10_000_000,
    batch: 100_000,
    note: 'province scale',
  },
};

export function tierOf(name: string): Tier {
  const t = TIERS[name.toUpperCase() as TierName];
  if (!t) throw new Error(`unknown tier ${name}: one of ${Object.keys(TIERS).join(', ')}`);
  return t;
}

/** Needs with an application behind them (the rest are posted on their own): two thirds. */
export function linkedNeeds(t: Tier): number {
  return Math.min(Math.round((t.needs * 2) / 3), t.applications);
}
