import { z } from 'zod';
import { REPAYMENT_METHODS } from '../domain';
import { parseWan } from '../money';

export const MAX_COMPARE = 3;

export const compareQuerySchema = z.object({
  ids: z
    .array(z.uuid('not_found'))
    .transform((ids) => [...new Set(ids)])
    .refine((ids) => ids.length <= MAX_COMPARE, 'compare_too_many'),
  amountWan: z
    .string()
    .trim()
    .refine((v) => (parseWan(v) ?? 0n) > 0n, 'amount_positive')
    .transform((v) => parseWan(v) as bigint),
  term: z.string().trim().regex(/^\d{1,3}$/, 'months').transform(Number).refine((n) => n >= 1 && n <= 360, 'months'),
  method: z.enum(REPAYMENT_METHODS).optional(),
});
export type CompareQuery = z.output<typeof compareQuerySchema>;
