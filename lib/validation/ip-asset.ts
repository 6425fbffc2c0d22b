// The IP-asset form (知识产权): one schema for the enterprise's form, the server action and the tests.
// Messages are keys of lib/i18n/ns/ipAssets.ts ('ipAssets.errors.*') or shared ones ('required').
import { z } from 'zod';
import { IP_KINDS } from '../../db/enums';
import { fenToWanInput } from '../core/money';
import { checkPatentNumber } from '../ip/patent-number';
import { historicDateField, isoDateField, multilineText, optional, plainText, requiredText, wanField } from './common';

export { IP_KINDS };
export type IpKind = (typeof IP_KINDS)[number];

export const PATENT_KINDS = ['invention', 'utility_model', 'design'] as const satisfies readonly IpKind[];
export function isPatentKind(kind: string): kind is (typeof PATENT_KINDS)[number] {
  return (PATENT_KINDS as readonly string[]).includes(kind);
}

// The 5th digit of an application number is the patent type (专利类型): 1 发明, 2 实用新型,
// 3 外观设计; 8 and 9 are PCT applications entering the national phase (发明, 实用新型).
const PATENT_TYPE_DIGITS: Record<(typeof PATENT_KINDS)[number], readonly string[]> = {
  invention: ['1', '8'],
  utility_model: ['2', '9'],
  design: ['3'],
};

export const MAX_OWNERS = 10;
const E = (key: string) => `ipAssets.errors.${key}`;

export type IpNumberResult = { ok: true; normalised: string } | { ok: false; error: string; expected?: string };

/**
 * Checks an asset's number against its kind and gives the stored form: patents 'ZL' + 12 digits
 * + '.' + check; trademarks the registration number's digits (第36512874号 → 36512874); software
 * copyrights upper-case (2023SR0123456); work copyrights as typed, trimmed.
 */
export function checkIpNumber(kind: IpKind, input: string): IpNumberResult {
  const raw = input.trim();
  if (raw === '') return { ok: false, error: 'required' };
  if (isPatentKind(kind)) {
    const r = checkPatentNumber(raw);
    if (!r.ok) return r.error === 'check' ? { ok: false, error: E('patent_check'), expected: r.expected } : { ok: false, error: E('patent_format') };
    if (!PATENT_TYPE_DIGITS[kind].includes(r.type)) return { ok: false, error: E('patent_kind_mismatch') };
    return { ok: true, normalised: r.normalised };
  }
  if (kind === 'trademark') {
    const m = /^(?:第)?(\d{1,9})(?:号)?$/.exec(raw.replace(/\s/g, ''));
    // 第…号 comes as a pair or not at all.
    if (!m || raw.startsWith('第') !== raw.endsWith('号')) return { ok: false, error: E('trademark_format') };
    return { ok: true, normalised: m[1] };
  }
  if (kind === 'software_copyright') {
    const v = raw.replace(/\s/g, '').toUpperCase();
    if (!/^(19|20)\d{2}SR\d{7}$/.test(v)) return { ok: false, error: E('software_copyright_format') };
    return { ok: true, normalised: v };
  }
  if (raw.length < 3 || raw.length > 40) return { ok: false, error: E('work_copyright_format') };
  return { ok: true, normalised: raw };
}

/** One owner per line, or separated by 、 , ， ; ； — trimmed, duplicates dropped. */
export function splitOwners(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n\r、,，;；]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

const optionalDate = optional(historicDateField);

export const ipAssetFormSchema = z
  .object({
    kind: z.enum(IP_KINDS, E('kind')),
    number: plainText(60),
    title: requiredText(200),
    owners: multilineText(2000)
      .transform(splitOwners)
      .refine((list) => list.length > 0, E('owners_required'))
      .refine((list) => list.length <= MAX_OWNERS, E('owners_too_many'))
      .refine((list) => list.every((o) => o.length <= 100), 'too_long'),
    grantDate: optionalDate,
    expiryDate: optionalDate,
    inForce: z.boolean(),
    feesPaid: z.boolean(),
    /** At most 100亿元 per asset. */
    valuationWan: optional(wanField({ bound: '100yi', positive: true })),
    appraiser: plainText(100).transform((v) => (v === '' ? null : v)),
    valuedOn: optional(isoDateField),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const n = checkIpNumber(v.kind, v.number);
    if (!n.ok) issue('number', n.error);
    if (v.grantDate && v.expiryDate && v.grantDate > v.expiryDate) issue('expiryDate', E('expiry_before_grant'));
    if (v.valuationWan !== null) {
      if (v.appraiser === null) issue('appraiser', E('appraiser_required'));
      if (v.valuedOn === null) issue('valuedOn', E('valued_on_required'));
    } else if (v.appraiser !== null || v.valuedOn !== null) {
      issue('valuationWan', E('valuation_amount_required'));
    }
  })
  .transform((v) => {
    const n = checkIpNumber(v.kind, v.number);
    const { valuationWan, ...rest } = v;
    return { ...rest, number: n.ok ? n.normalised : v.number, valuationFen: valuationWan };
  });

export type IpAssetFormInput = z.input<typeof ipAssetFormSchema>;
export type IpAssetForm = z.output<typeof ipAssetFormSchema>;

export const emptyIpAssetForm: IpAssetFormInput = {
  kind: '' as IpAssetFormInput['kind'],
  number: '',
  title: '',
  owners: '',
  grantDate: '',
  expiryDate: '',
  inForce: true,
  feesPaid: true,
  valuationWan: '',
  appraiser: '',
  valuedOn: '',
};

/** A stored asset as form values (for editing). Owners come back one per line. */
export function ipAssetToForm(a: {
  kind: IpKind;
  number: string;
  title: string;
  owners: string[];
  grantDate: string | null;
  expiryDate: string | null;
  inForce: boolean;
  feesPaid: boolean;
  valuationFen: bigint | null;
  appraiser: string | null;
  valuedOn: string | null;
}): IpAssetFormInput {
  return {
    kind: a.kind,
    number: a.number,
    title: a.title,
    owners: a.owners.join('\n'),
    grantDate: a.grantDate ?? '',
    expiryDate: a.expiryDate ?? '',
    inForce: a.inForce,
    feesPaid: a.feesPaid,
    valuationWan: a.valuationFen === null ? '' : fenToWanInput(a.valuationFen),
    appraiser: a.appraiser ?? '',
    valuedOn: a.valuedOn ?? '',
  };
}

export const ipAssetIdSchema = z.object({ assetId: z.uuid('not_found') });
