// Each enterprise's innovation inputs and its 企业创新积分, scored by lib/innovation/score.ts.
import { at, HOUR } from './data/calendar';
import { INDICATOR_KEYS, type InnovationInputData, type Stage, STAGE_RULES, WEIGHT_SET_V1 } from './data/innovation';
import { formatHundredths, scoreInnovation } from '../innovation/score';
import { rngFor } from './data/prng';
import { date, maxMs, randomDate, yearsBetween, type Ctx } from './context';

// ---------------------------------------------------------------- innovation inputs and scores

export function buildInnovation(ctx: Ctx): void {
  const rng = rngFor('innovation');
  for (const ent of ctx.ents) {
    const revenue = Number(ent.revenueFen);
    const rnd = Number(ent.rndFen);
    const years = yearsBetween(ent.foundedOn, '2025-12-31');
    const stage: Stage =
      years < STAGE_RULES.startupMaxYears ? 'startup' : years >= STAGE_RULES.matureMinYears && revenue >= STAGE_RULES.matureMinRevenueFen ? 'mature' : 'growth';
    const highTech = ent.certs.some((c) => c.kind === 'high_tech' && c.verified);
    const inventions = ent.ip.filter((a) => a.kind === 'invention').length;
    const data: InnovationInputData =
      ent.n === 0
        ? {
            rnd_expense: rnd,
            rnd_growth: 1850,
            rnd_ratio: Math.round((rnd * 10_000) / revenue),
            st_staff_share: 3420,
            invention_patents: 6,
            pct_applications: 1,
            tech_contract_turnover: 320_000_000,
            hightech_revenue: Math.round(revenue * 0.82),
            revenue,
            revenue_growth: 2160,
            postgrad_share: 1180,
            rnd_super_deduction: rnd,
            roe: 1420,
            graduate_hires: 14,
            platforms: 2,
            awards: 1,
          }
        : {
            rnd_expense: rnd,
            rnd_growth: rng.int(-800, 4500),
            rnd_ratio: Math.round((rnd * 10_000) / revenue),
            st_staff_share: ent.industry === 'C' ? rng.int(1200, 4500) : rng.int(2500, 7000),
            invention_patents: inventions + rng.int(0, 4),
            pct_applications: rng.weighted([
              [0, 6],
              [1, 2],
              [2, 1],
              [3, 1],
            ] as const),
            tech_contract_turnover: rng.chance(0.5) ? Math.round((revenue * rng.int(5, 40)) / 1000) : 0,
            hightech_revenue: Math.round((revenue * (highTech ? rng.int(50, 90) : rng.int(0, 30))) / 100),
            revenue,
            revenue_growth: rng.int(-1500, 4000),
            postgrad_share: rng.int(100, 2500),
            rnd_super_deduction: rnd,
            roe: rng.int(-300, 2500),
            graduate_hires: Math.min(60, Math.round((ent.employees * rng.int(2, 12)) / 100)),
            platforms: rng.weighted([
              [0, 5],
              [1, 3],
              [2, 1],
              [3, 1],
            ] as const),
            awards: rng.weighted([
              [0, 6],
              [1, 3],
              [2, 1],
            ] as const),
          };
    const score = scoreInnovation(WEIGHT_SET_V1.weights, data, { foundedOn: ent.foundedOn, asOf: '2025-12-31', revenueFen: revenue });
    if (score.stage !== stage) throw new Error(`seed: stage ${stage} ≠ scored stage ${score.stage} for ${ent.id}`);
    const totalHundredths = score.totalHundredths;
    const breakdown = { contributions: Object.fromEntries(score.contributions.map((c) => [c.key, formatHundredths(c.points)])) };
    ent.stage = stage;
    ent.scoreHundredths = totalHundredths;
    const inputMs = maxMs(at(randomDate(rng, '2026-03-02', '2026-03-31'), rng.int(9, 17), rng.int(0, 59)), ent.createdMs + 3 * HOUR);
    const ordered = Object.fromEntries(INDICATOR_KEYS.map((k) => [k, data[k]]));
    ctx.rows.innovationInputs.push({ enterpriseId: ent.id, period: '2025', data: ordered, updatedAt: date(inputMs) });
    ctx.rows.innovationScores.push({
      enterpriseId: ent.id,
      period: '2025',
      total: (totalHundredths / 100).toFixed(2),
      stage,
      breakdown,
      computedAt: date(inputMs + 60_000),
    });
  }
}
