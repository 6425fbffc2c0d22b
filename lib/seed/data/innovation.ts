// 企业创新积分 weight set v1 for the demo seed. The indicators, their units, caps, per-stage weights,
// stage rules and WEIGHT_SET_V1 are defined once, in lib/innovation/weights.ts; scores come from
// lib/innovation/score.ts. This file only re-exports what the seed needs.
export {
  INDICATOR_KEYS,
  type Stage,
  STAGE_RULES,
  WEIGHT_SET_V1,
} from '../../innovation/weights';
export type { InnovationInputs as InnovationInputData } from '../../innovation/weights';
