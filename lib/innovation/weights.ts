// 企业创新积分 (DESIGN §2 "innovation score"): the indicators, their units, and the versioned weight
// sets that turn them into points. Modelled on the Torch Center's 企业创新积分制: three groups of
// indicators whose weights depend on the company's stage (初创期 startup, 成长期 growth, 稳定期 mature).
//
// Weight sets are data (table innovation_weight_sets, column `weights`); WEIGHT_SET_V1 is the default
// the demo seed publishes. `weightSetSchema` validates a `weights` JSON read back from the database,
// `innovationInputsSchema` an enterprise's inputs JSON (table innovation_inputs, column `data`).
//
// Units: fen for money, basis points for ratios and growth rates, plain counts otherwise — all
// integers, so every score is reproducible to the hundredth.
//
// Pure: no React/Next, no database access (db/enums.ts is plain values).
import { z } from 'zod';
import { COMPANY_STAGES } from '../../db/enums';

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

export const STAGES = COMPANY_STAGES;
export type Stage = (typeof STAGES)[number];

export const GROUP_KEYS = ['tech_innovation', 'growth_operations', 'auxiliary'] as const;
/** 技术创新, 成长经营, 辅助. */
export type GroupKey = (typeof GROUP_KEYS)[number];

export type IndicatorUnit = 'fen' | 'bp' | 'count';

export const INDICATOR_GROUPS: Readonly<Record<GroupKey, readonly IndicatorKey[]>> = {
  tech_innovation: ['rnd_expense', 'rnd_growth', 'rnd_ratio', 'st_staff_share', 'invention_patents', 'pct_applications', 'tech_contract_turnover'],
  growth_operations: ['hightech_revenue', 'revenue', 'revenue_growth', 'postgrad_share', 'rnd_super_deduction', 'roe'],
  auxiliary: ['graduate_hires', 'platforms', 'awards'],
};

export const INDICATOR_UNITS = {
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
} as const satisfies Record<IndicatorKey, IndicatorUnit>;

/** Indicators that may be negative (a shrinking R&D budget or revenue, a loss); they earn 0 then. */
export const SIGNED_INDICATORS: readonly IndicatorKey[] = ['rnd_growth', 'revenue_growth', 'roe'];

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

/** Points per indicator at its cap, per stage; each stage sums to 100. */
export const STAGE_WEIGHTS: Readonly<Record<Stage, Readonly<Record<IndicatorKey, number>>>> = {
  startup: {
    rnd_expense: 10,
    rnd_growth: 6,
    rnd_ratio: 12,
    st_staff_share: 10,
    invention_patents: 12,
    pct_applications: 4,
    tech_contract_turnover: 6,
    hightech_revenue: 6,
    revenue: 4,
    revenue_growth: 8,
    postgrad_share: 8,
    rnd_super_deduction: 4,
    roe: 2,
    graduate_hires: 4,
    platforms: 2,
    awards: 2,
  },
  growth: {
    rnd_expense: 10,
    rnd_growth: 6,
    rnd_ratio: 8,
    st_staff_share: 6,
    invention_patents: 10,
    pct_applications: 4,
    tech_contract_turnover: 6,
    hightech_revenue: 10,
    revenue: 8,
    revenue_growth: 10,
    postgrad_share: 5,
    rnd_super_deduction: 5,
    roe: 4,
    graduate_hires: 3,
    platforms: 3,
    awards: 2,
  },
  mature: {
    rnd_expense: 12,
    rnd_growth: 4,
    rnd_ratio: 6,
    st_staff_share: 4,
    invention_patents: 10,
    pct_applications: 5,
    tech_contract_turnover: 6,
    hightech_revenue: 12,
    revenue: 12,
    revenue_growth: 6,
    postgrad_share: 4,
    rnd_super_deduction: 6,
    roe: 6,
    graduate_hires: 2,
    platforms: 3,
    awards: 2,
  },
};

/** Stage rules: under 3 full years → startup; 10+ full years and revenue ≥ 1亿元 → mature; else growth. */
export const STAGE_RULES = { startupMaxYears: 3, matureMinYears: 10, matureMinRevenueFen: 10_000_000_000 } as const;

export interface StageRules {
  /** Fewer full years than this → startup. */
  startupMaxYears: number;
  /** At least this many full years (and the revenue below) → mature. */
  matureMinYears: number;
  /** Revenue in fen a mature enterprise needs at least. */
  matureMinRevenueFen: number;
}

// ---------------------------------------------------------------- schemas

/** A safe integer (zod v4's z.int() keeps to the safe range). */
const nonNegativeInt = z.int().min(0);
const signedInt = z.int();

function indicatorRecord<T extends z.ZodType>(value: (key: IndicatorKey) => T) {
  return z.strictObject(Object.fromEntries(INDICATOR_KEYS.map((k) => [k, value(k)])) as Record<IndicatorKey, T>);
}

/**
 * Caps are bounded so that weight × 100 × cap stays well inside the safe-integer range
 * (scoring works in BigInt anyway; the bound keeps the stored data sane).
 */
export const MAX_CAP = 1_000_000_000_000; // 100亿元 in fen

const stageWeightsSchema = indicatorRecord(() => nonNegativeInt.max(100)).refine((w) => INDICATOR_KEYS.reduce((sum, k) => sum + w[k], 0) === 100, {
  message: 'stage_weights_sum',
});

/** The `weights` JSON of an innovation_weight_sets row: { stages, caps, units, groups, stageRules }. */
export const weightSetSchema = z
  .object({
    stages: z.strictObject({ startup: stageWeightsSchema, growth: stageWeightsSchema, mature: stageWeightsSchema }),
    caps: indicatorRecord(() => z.int().min(1).max(MAX_CAP)),
    units: indicatorRecord((k) => z.literal(INDICATOR_UNITS[k])),
    groups: z.strictObject({
      tech_innovation: z.array(z.enum(INDICATOR_KEYS)).readonly(),
      growth_operations: z.array(z.enum(INDICATOR_KEYS)).readonly(),
      auxiliary: z.array(z.enum(INDICATOR_KEYS)).readonly(),
    }),
    stageRules: z.strictObject({
      startupMaxYears: z.int().min(1).max(100),
      matureMinYears: z.int().min(1).max(100),
      matureMinRevenueFen: nonNegativeInt,
    }),
  })
  .superRefine((w, ctx) => {
    // Every indicator in exactly one group.
    const seen = new Map<IndicatorKey, number>();
    for (const g of GROUP_KEYS) for (const k of w.groups[g]) seen.set(k, (seen.get(k) ?? 0) + 1);
    for (const k of INDICATOR_KEYS) {
      if (seen.get(k) !== 1) ctx.addIssue({ code: 'custom', message: 'indicator_group', path: ['groups'], params: { indicator: k } });
    }
    if (w.stageRules.matureMinYears < w.stageRules.startupMaxYears) {
      ctx.addIssue({ code: 'custom', message: 'stage_rules_order', path: ['stageRules', 'matureMinYears'] });
    }
  });

/** A validated weight set's `weights` JSON. */
export type WeightSet = z.infer<typeof weightSetSchema>;

/**
 * An enterprise's inputs for one period (innovation_inputs.data): every indicator as an integer in its
 * unit — fen, basis points or a count. Non-negative except rnd_growth, revenue_growth and roe.
 */
export const innovationInputsSchema = indicatorRecord((k) => (SIGNED_INDICATORS.includes(k) ? signedInt : nonNegativeInt));

export type InnovationInputs = z.infer<typeof innovationInputsSchema>;

// ---------------------------------------------------------------- the default weight set

/** Weight set v1 as stored (version, name, and the `weights` JSON that weightSetSchema validates). */
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
} as const satisfies { version: number; name: string; weights: WeightSet };
