// 企业创新积分 weight set v1, modelled on the Torch Center's 企业创新积分制: three groups of
// indicators whose weights depend on the company's stage. Stored as data (innovation_weight_sets).
// Units: fen for money, basis points for ratios and growth rates, plain counts otherwise.
export const INDICATOR_KEYS = [
  'rnd_expense',
  'rnd_growth',
  'rnd_ratio',
  'st_staff_share',
  'invention_patents',
  'pct_applications',
  'tech_contract_turnover',
  'hightech_revenue',
  'revenue',
  'revenue_growth',
  'postgrad_share',
  'rnd_super_deduction',
  'roe',
  'graduate_hires',
  'platforms',
  'awards',
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];
export type Stage = 'startup' | 'growth' | 'mature';

export const INDICATOR_GROUPS: Readonly<Record<'tech_innovation' | 'growth_operations' | 'auxiliary', readonly IndicatorKey[]>> = {
  tech_innovation: ['rnd_expense', 'rnd_growth', 'rnd_ratio', 'st_staff_share', 'invention_patents', 'pct_applications', 'tech_contract_turnover'],
  growth_operations: ['hightech_revenue', 'revenue', 'revenue_growth', 'postgrad_share', 'rnd_super_deduction', 'roe'],
  auxiliary: ['graduate_hires', 'platforms', 'awards'],
};

export const INDICATOR_UNITS: Readonly<Record<IndicatorKey, 'fen' | 'bp' | 'count'>> = {
  rnd_expense: 'fen',
  rnd_growth: 'bp',
  rnd_ratio: 'bp',
  st_staff_share: 'bp',
  invention_patents: 'count',
  pct_applications: 'count',
  tech_contract_turnover: 'fen',
  hightech_revenue: 'fen',
  revenue: 'fen',
  revenue_growth: 'bp',
  postgrad_share: 'bp',
  rnd_super_deduction: 'fen',
  roe: 'bp',
  graduate_hires: 'count',
  platforms: 'count',
  awards: 'count',
};

/** The raw value at which an indicator earns its full weight (same unit as the input). */
export const INDICATOR_CAPS: Readonly<Record<IndicatorKey, number>> = {
  rnd_expense: 2_000_000_000, // 2000万元
  rnd_growth: 3_000, // 30 %
  rnd_ratio: 1_000, // 10 %
  st_staff_share: 4_000, // 40 %
  invention_patents: 10,
  pct_applications: 2,
  tech_contract_turnover: 500_000_000, // 500万元
  hightech_revenue: 15_000_000_000, // 1.5亿元
  revenue: 20_000_000_000, // 2亿元
  revenue_growth: 3_000, // 30 %
  postgrad_share: 1_500, // 15 %
  rnd_super_deduction: 2_000_000_000, // 2000万元
  roe: 1_500, // 15 %
  graduate_hires: 20,
  platforms: 2,
  awards: 2,
};

export const STAGE_WEIGHTS: Readonly<Record<Stage, Readonly<Record<IndicatorKey, number>>>> = {
  startup: {
    rnd_expense: 10, rnd_growth: 6, rnd_ratio: 12, st_staff_share: 10, invention_patents: 12, pct_applications: 4,
    tech_contract_turnover: 6, hightech_revenue: 6, revenue: 4, revenue_growth: 8, postgrad_share: 8,
    rnd_super_deduction: 4, roe: 2, graduate_hires: 4, platforms: 2, awards: 2,
  },
  growth: {
    rnd_expense: 10, rnd_growth: 6, rnd_ratio: 8, st_staff_share: 6, invention_patents: 10, pct_applications: 4,
    tech_contract_turnover: 6, hightech_revenue: 10, revenue: 8, revenue_growth: 10, postgrad_share: 5,
    rnd_super_deduction: 5, roe: 4, graduate_hires: 3, platforms: 3, awards: 2,
  },
  mature: {
    rnd_expense: 12, rnd_growth: 4, rnd_ratio: 6, st_staff_share: 4, invention_patents: 10, pct_applications: 5,
    tech_contract_turnover: 6, hightech_revenue: 12, revenue: 12, revenue_growth: 6, postgrad_share: 4,
    rnd_super_deduction: 6, roe: 6, graduate_hires: 2, platforms: 3, awards: 2,
  },
};

/** Stage rules: under 3 years → startup; 10+ years and revenue ≥ 1亿元 → mature; else growth. */
export const STAGE_RULES = { startupMaxYears: 3, matureMinYears: 10, matureMinRevenueFen: 10_000_000_000 } as const;

export const WEIGHT_SET_V1 = {
  version: 1,
  name: '企业创新积分 默认权重 v1',
  weights: {
    stages: STAGE_WEIGHTS,
    caps: INDICATOR_CAPS,
    units: INDICATOR_UNITS,
    groups: INDICATOR_GROUPS,
    stageRules: STAGE_RULES,
  },
} as const;

export type InnovationInputData = Record<IndicatorKey, number>;

/**
 * A provisional score for the demo data: each indicator earns weight × min(value, cap) / cap,
 * in hundredths of a point (integers, so every run gives the same figure). A later issue replaces
 * this with the real scoring function in lib/.
 */
export function provisionalScore(stage: Stage, data: InnovationInputData): { totalHundredths: number; breakdown: Record<IndicatorKey, number> } {
  const weights = STAGE_WEIGHTS[stage];
  let total = 0;
  const breakdown = {} as Record<IndicatorKey, number>;
  for (const key of INDICATOR_KEYS) {
    const cap = INDICATOR_CAPS[key];
    const value = Math.min(Math.max(data[key], 0), cap);
    const hundredths = Math.floor((weights[key] * 100 * value) / cap);
    breakdown[key] = hundredths / 100;
    total += hundredths;
  }
  return { totalHundredths: total, breakdown };
}
