// The innovation-score inputs form: money typed in 万元, ratios and growth in percent (growth and
// ROE may be negative), counts as whole numbers. Comes out as the stored inputs (fen, bp, counts).
import { z } from 'zod';
import { INDICATOR_KEYS, INDICATOR_UNITS, SIGNED_INDICATORS, type IndicatorKey, type InnovationInputs } from '../innovation/weights';
import { bpToPercentInput, fenToWanInput, parseRatePercent } from '../core/money';
import { isProfileIndicator } from '../innovation/profile-indicators';
import { intField, multilineText, numberText, requiredText, wanField } from './common';

function field(key: IndicatorKey) {
  const unit = INDICATOR_UNITS[key];
  // Revenue, R&D expense and their ratio are the profile's (read-only on the form, replaced on the
  // server): whatever is sent for them is not checked, so a ratio past 999.99 % (R&D ten times the
  // revenue, as at a start-up) cannot block the form.
  if (isProfileIndicator(key)) return z.unknown().transform(() => 0);
  const signed = SIGNED_INDICATORS.includes(key);
  const percentMessage = signed ? 'score.errors.percent_signed' : 'score.errors.percent';
  // Revenue up to 1万亿元, the other amounts up to 1000亿元: at most 10^14 fen, a safe integer.
  if (unit === 'fen') return wanField({ bound: key === 'revenue' ? '1wanyi' : '1000yi' }).transform(Number);
  if (unit === 'bp')
    return numberText(percentMessage)
      .min(1, 'required')
      .refine((v) => {
        const neg = v.startsWith('-');
        return (signed || !neg) && parseRatePercent(neg ? v.slice(1) : v) !== null;
      }, percentMessage)
      .transform((v) => (v.startsWith('-') ? -(parseRatePercent(v.slice(1)) as number) : (parseRatePercent(v) as number)));
  return intField(0, 999_999);
}

export const innovationInputsFormSchema = z.object(
  Object.fromEntries(INDICATOR_KEYS.map((k) => [k, field(k)])) as Record<IndicatorKey, ReturnType<typeof field>>,
);
export type InnovationInputsFormInput = Record<IndicatorKey, string>;

export function inputsToForm(data: InnovationInputs | null): InnovationInputsFormInput {
  const out = {} as InnovationInputsFormInput;
  for (const k of INDICATOR_KEYS) {
    const v = data?.[k] ?? 0;
    const unit = INDICATOR_UNITS[k];
    out[k] = unit === 'fen' ? fenToWanInput(BigInt(v)) : unit === 'bp' ? (v < 0 ? `-${bpToPercentInput(-v)}` : bpToPercentInput(v)) : String(v);
  }
  return out;
}

export const weightSetPublishSchema = z.object({
  name: requiredText(100),
  weightsJson: multilineText(50_000, { min: 2 }),
});
