import { z } from 'zod';
import { REPAYMENT_METHODS } from '../core/domain';
import { monthsField, wanField } from './common';

export const MAX_COMPARE = 3;

export const compareQuerySchema = z.object({
  ids: z
    .array(z.uuid('not_found'))
    .transform((ids) => [...new Set(ids)])
    .refine((ids) => ids.length <= MAX_COMPARE, 'compare_too_many'),
  amountWan: wanField({ bound: '100yi', positive: true }),
  term: monthsField,
  method: z.enum(REPAYMENT_METHODS).optional(),
});
