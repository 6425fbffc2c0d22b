// The dashboard's summary (issue 14): eight key figures, each with its period named and the change
// against the previous period of the same length. The values are ZoneFigures — the same functions
// (lib/figures/service.ts zoneFigures) run once for the period and once for the one before — so a KPI can
// never define a figure differently from the rest of the dashboard and the API. Pure.
import { addMonths } from '../core/dates';
import type { Period, ZoneFigures } from './service';

/**
 * The period of the same length just before `p`: whole calendar months (a year, a quarter, a month)
 * go back by as many months, so 2026 compares with 2025 and March with February; any other period
 * goes back by its number of days, ending the day before it starts.
 */
export function previousPeriod(p: Period): Period {
  const ms = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  const DAY = 86_400_000;
  const monthEnd = (s: string) => iso(Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)), 0));
  if (p.from.endsWith('-01') && p.to === monthEnd(p.to)) {
    const months = (Number(p.to.slice(0, 4)) - Number(p.from.slice(0, 4))) * 12 + Number(p.to.slice(5, 7)) - Number(p.from.slice(5, 7)) + 1;
    const from = addMonths(p.from, -months);
    return { from, to: monthEnd(addMonths(p.to, -months).slice(0, 8) + '01') };
  }
  const length = Math.round((ms(p.to) - ms(p.from)) / DAY) + 1;
  const to = ms(p.from) - DAY;
  return { from: iso(to - (length - 1) * DAY), to: iso(to) };
}

export type KpiId = 'institutions' | 'products' | 'registeredEnterprises' | 'demand' | 'approvals' | 'disbursed' | 'ipPledgeProjects' | 'riskFund';

export interface Kpi {
  id: KpiId;
  /** 'stock': as at the end of the period; 'flow': over the period. */
  kind: 'stock' | 'flow';
  unit: 'count' | 'fen';
  value: bigint;
  previous: bigint;
  /** value − previous */
  change: bigint;
  /** the change in tenths of a percent of the previous value, rounded half away from zero; null when the previous is 0 */
  changePermille: number | null;
}

/** Fund balance at the end of the period of the schemes that compensate IP-pledge losses (风险补偿资金). */
const riskFund = (z: ZoneFigures) => z.schemes.filter((s) => s.kind === 'ip_pledge_compensation').reduce((sum, s) => sum + s.balanceFen, 0n);

const KPI_VALUES: { id: KpiId; kind: Kpi['kind']; unit: Kpi['unit']; of: (z: ZoneFigures) => bigint }[] = [
  { id: 'institutions', kind: 'stock', unit: 'count', of: (z) => BigInt(z.institutions) },
  { id: 'products', kind: 'stock', unit: 'count', of: (z) => BigInt(z.products) },
  { id: 'registeredEnterprises', kind: 'stock', unit: 'count', of: (z) => BigInt(z.registeredEnterprises) },
  { id: 'demand', kind: 'flow', unit: 'fen', of: (z) => z.demandFen },
  { id: 'approvals', kind: 'flow', unit: 'count', of: (z) => BigInt(z.creditApplications) },
  { id: 'disbursed', kind: 'flow', unit: 'fen', of: (z) => z.disbursedFen },
  { id: 'ipPledgeProjects', kind: 'flow', unit: 'count', of: (z) => BigInt(z.ipPledgeProjects) },
  { id: 'riskFund', kind: 'stock', unit: 'fen', of: riskFund },
];

/** (a − b) ÷ b in permille, rounded half away from zero, exact in integers. */
function permille(change: bigint, previous: bigint): number | null {
  if (previous === 0n) return null;
  const num = change * 1000n;
  const den = previous < 0n ? -previous : previous;
  const q = (2n * (num < 0n ? -num : num) + den) / (2n * den);
  return Number(num < 0n ? -q : q);
}

export function keyFigures(current: ZoneFigures, previous: ZoneFigures): Kpi[] {
  return KPI_VALUES.map(({ id, kind, unit, of }) => {
    const value = of(current);
    const before = of(previous);
    return { id, kind, unit, value, previous: before, change: value - before, changePermille: permille(value - before, before) };
  });
}
