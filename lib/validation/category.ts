// The zone's product categories (/admin/categories): a new one, a rename or reorder, a deletion.
import { z } from 'zod';
import { categoryCode, intField, requiredText } from './common';

export const CATEGORY_NAME_MAX = 20;
export const CATEGORY_NAME_EN_MAX = 40;

/** Hangul fillers: letters that draw nothing. */
const FILLERS = /[\u115f\u1160\u3164\uffa0]/gu;

/**
 * A category's name, shown in every list and filter: composed (NFC, so two spellings of é are one
 * name), with a visible letter or digit, and no run of combining marks left after composing.
 */
const categoryName = (max: number) =>
  requiredText(max)
    .overwrite((v) => v.normalize('NFC'))
    .refine((v) => /[\p{L}\p{N}]/u.test(v.replace(FILLERS, '')), 'categories.errors.name_visible')
    .refine((v) => !/\p{M}{2,}/u.test(v), 'categories.errors.name_visible');

const names = {
  name: categoryName(CATEGORY_NAME_MAX),
  nameEn: categoryName(CATEGORY_NAME_EN_MAX),
  /** Lower first; the Foshan categories are 10, 20, … 70. */
  sortOrder: intField(0, 9999, 'categories.errors.sort_order'),
};

/** A new category: its code (fixed from then on, in links and the API), names, place, and whether it pledges IP. */
export const categorySchema = z.object({
  code: categoryCode('categories.errors.code'),
  ...names,
  pledgesIp: z.boolean(),
});
export type CategoryInput = z.output<typeof categorySchema>;

/** A rename or reorder of an existing category. */
export const categoryEditSchema = z.object({ code: categoryCode('categories.errors.code'), ...names });
export type CategoryEditInput = z.output<typeof categoryEditSchema>;

export const categoryRemoveSchema = z.object({ code: categoryCode('categories.errors.code') });
