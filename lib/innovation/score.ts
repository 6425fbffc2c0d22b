// 企业创新积分 (DESIGN §2 "innovation score"): one pure function from a weight set, an enterprise's
// inputs and its context (founding date, as-of date, revenue) to the total, the stage and every
// indicator's contribution — so a bank can see why — plus the what-if list an enterprise sees.
//
// Each indicator earns weight × clamp(value, 0, cap) / cap points, in integer hundredths rounded down;
// the total is the sum of those hundredths. Integers only (BigInt for the products), so the same
// inputs give the same figure everywhere. Negative growth or a negative ROE earns 0.
//
// Pure: no React/Next/db imports, no clock — `asOf` is an argument.
import { yearsBetween } from '../matching/eligibility';
import {
  GROUP_KEYS,
  INDICATOR_KEYS,
  INDICATOR_UNITS,
  type GroupKey,
  type IndicatorKey,
  type IndicatorUnit,
  type InnovationInputs,
  type Stage,
  type StageRules,
  type WeightSet,
} from './weights';

export interface ScoreContext {
  /** 'YYYY-MM-DD'. */
  foundedOn: string;
  /** 'YYYY-MM-DD': the day the stage is judged on (e.g. the end of the period). */
  asOf: string;
  /** Annual revenue in fen, for the mature-stage threshold. */
  revenueFen: bigint | number;
}

export interface Contribution {
  key: IndicatorKey;
  group: GroupKey;
  /** The input as given (may be above the cap, or negative for growth/ROE). */
  value: number;
  cap: number;
  /** The indicator's weight for the stage: the points it earns at its cap. */
  weight: number;
  /** Points earned, in hundredths: floor(weight × 100 × clamp(value, 0, cap) / cap). */
  points: number;
}

export interface InnovationScore {
  /** 'NN.NN', e.g. '72.50'. */
  total: string;
  totalHundredths: number;
  stage: Stage;
  /** Points per group, in hundredths. */
  groups: Record<GroupKey, number>;
  /** One per indicator, in INDICATOR_KEYS order. */
  contributions: Contribution[];
}

/** A contribution without the enterprise's input: what an institution sees without its consent. */
export type ContributionPoints = Omit<Contribution, 'value'>;

/** A score whose breakdown shows points only (no input values), and only for the counted indicators. */
export type PointsOnlyScore = Omit<InnovationScore, 'contributions'> & { contributions: ContributionPoints[] };

/**
 * What an institution without the enterprise's consent sees: the total, the stage and each group's
 * points, and the points of the counted indicators (patents, hires, platforms, awards), without any
 * input value. A money or ratio indicator's own points are left out: with its cap and weight
 * (published, README) they give its value back to the hundredth of a point (a probe recovered
 * revenue, R&D expense and ROE exactly); inside its group's sum it is one of several.
 */
export function pointsOnly(score: InnovationScore): PointsOnlyScore {
  return {
    ...score,
    contributions: score.contributions.filter((c) => INDICATOR_UNITS[c.key] === 'count').map(({ value: _value, ...rest }) => rest),
  };
}

export interface WhatIfStep {
  key: IndicatorKey;
  /** How much the input would rise: 1 for counts, 10 % of the cap (rounded up) for fen and bp. */
  step: number;
  stepUnit: IndicatorUnit;
  /** Points the step would add, in hundredths (> 0). */
  gainHundredths: number;
}

/**
 * The company stage on `asOf`: fewer than `startupMaxYears` full years (anniversary-based) → startup;
 * at least `matureMinYears` full years and revenue ≥ `matureMinRevenueFen` → mature; else growth.
 * Throws RangeError on malformed dates.
 */
export function stageOf(rules: StageRules, foundedOn: string, asOf: string, revenueFen: bigint | number): Stage {
  const years = yearsBetween(foundedOn, asOf);
  if (years < rules.startupMaxYears) return 'startup';
  const revenueOk = typeof revenueFen === 'bigint' ? revenueFen >= BigInt(rules.matureMinRevenueFen) : revenueFen >= rules.matureMinRevenueFen;
  return years >= rules.matureMinYears && revenueOk ? 'mature' : 'growth';
}

/** Hundredths earned by `value` against `cap` at `weight`: floor(weight × 100 × clamp(value, 0, cap) / cap). */
export function indicatorPoints(weight: number, value: number, cap: number): number {
  const clamped = Math.min(Math.max(value, 0), cap);
  return Number((BigInt(weight) * 100n * BigInt(clamped)) / BigInt(cap));
}

/** 7250 → '72.50'. */
export function formatHundredths(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function inputOf(inputs: InnovationInputs, key: IndicatorKey): number {
  const value = inputs[key];
  if (!Number.isSafeInteger(value)) throw new RangeError(`innovation input ${key} must be an integer, got ${String(value)}`);
  return value;
}

function groupIndex(weightSet: WeightSet): Map<IndicatorKey, GroupKey> {
  const index = new Map<IndicatorKey, GroupKey>();
  for (const g of GROUP_KEYS) for (const k of weightSet.groups[g]) index.set(k, g);
  return index;
}

/**
 * Scores one enterprise: the stage from `ctx` and the weight set's stage rules, then every indicator's
 * points under that stage's weights. `weightSet` is a validated `weights` JSON (weightSetSchema);
 * `inputs` are integers in each indicator's unit (innovationInputsSchema). Throws RangeError on a
 * non-integer input or a malformed date.
 */
export function scoreInnovation(weightSet: WeightSet, inputs: InnovationInputs, ctx: ScoreContext): InnovationScore {
  const stage = stageOf(weightSet.stageRules, ctx.foundedOn, ctx.asOf, ctx.revenueFen);
  const weights = weightSet.stages[stage];
  const groupOf = groupIndex(weightSet);
  const groups = Object.fromEntries(GROUP_KEYS.map((g) => [g, 0])) as Record<GroupKey, number>;
  const contributions: Contribution[] = [];
  let totalHundredths = 0;
  for (const key of INDICATOR_KEYS) {
    const value = inputOf(inputs, key);
    const cap = weightSet.caps[key];
    const weight = weights[key];
    const group = groupOf.get(key);
    if (group === undefined) throw new RangeError(`indicator ${key} is in no group of the weight set`);
    const points = indicatorPoints(weight, value, cap);
    contributions.push({ key, group, value, cap, weight, points });
    groups[group] += points;
    totalHundredths += points;
  }
  return { total: formatHundredths(totalHundredths), totalHundredths, stage, groups, contributions };
}

/**
 * What would raise the score: for every indicator below its cap, the points one realistic step would
 * add — one more for counts (e.g. one more invention patent), 10 % of the cap for fen and basis points —
 * sorted by gain, largest first (ties in INDICATOR_KEYS order), without the steps that add nothing.
 * The stage is held fixed (it depends on the context, not on the inputs).
 */
export function whatIf(weightSet: WeightSet, inputs: InnovationInputs, ctx: ScoreContext): WhatIfStep[] {
  const stage = stageOf(weightSet.stageRules, ctx.foundedOn, ctx.asOf, ctx.revenueFen);
  const weights = weightSet.stages[stage];
  const steps: WhatIfStep[] = [];
  for (const key of INDICATOR_KEYS) {
    const value = inputOf(inputs, key);
    const cap = weightSet.caps[key];
    if (value >= cap) continue;
    const stepUnit = weightSet.units[key];
    const step = stepUnit === 'count' ? 1 : Math.max(1, Math.ceil(cap / 10));
    const gainHundredths = indicatorPoints(weights[key], value + step, cap) - indicatorPoints(weights[key], value, cap);
    if (gainHundredths > 0) steps.push({ key, step, stepUnit, gainHundredths });
  }
  return steps.sort((a, b) => b.gainHundredths - a.gainHundredths); // stable: ties keep key order
}
