// Field rules shared by many shapes. Messages are error keys (lib/i18n: errors.*), translated at
// the edge, so the same schema speaks Chinese or English.
import { z } from 'zod';
import { parseWan } from '../money';

export const INDUSTRY_SECTIONS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T'] as const;

export const requiredText = (max = 200) => z.string().trim().min(1, 'required').max(max, 'too_long');

export const emailField = z
  .string()
  .trim()
  .min(1, 'required')
  .max(254, 'too_long')
  .pipe(z.email('email'))
  .transform((v) => v.toLowerCase());

export const newPasswordField = z.string().min(10, 'password_short').max(200, 'too_long');

export const phoneField = z
  .string()
  .trim()
  .min(1, 'required')
  .regex(/^[0-9+\-() ]{7,20}$/, 'phone');

/** An amount typed in 万元 ("500", "12.5"), exact to the fen; comes out as bigint fen. */
export const wanAmountField = z
  .string()
  .trim()
  .min(1, 'required')
  .refine((v) => parseWan(v) !== null, 'amount')
  .transform((v) => parseWan(v) as bigint);

export const nonNegativeIntField = z
  .string()
  .trim()
  .min(1, 'required')
  .regex(/^\d{1,9}$/, 'integer')
  .transform(Number);

export const isoDateField = z
  .string()
  .trim()
  .min(1, 'required')
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, 'date');
