import { z } from 'zod';
import { dateField, intField, multilineText, optional, plainText } from './common';

export const DOCUMENT_KINDS = [
  'business_license',
  'financial_statement',
  'tax_certificate',
  'credit_authorization',
  'patent_certificate',
  'appraisal_report',
  'other',
] as const;
export type DocumentKindCode = (typeof DOCUMENT_KINDS)[number];
/** Kinds that belong to one IP asset. */
export const IP_DOCUMENT_KINDS: readonly DocumentKindCode[] = ['patent_certificate', 'appraisal_report'];

/** The longest name of an 其他材料 document (documents_title_chk). */
export const DOCUMENT_TITLE_MAX = 60;

/**
 * The fields sent with an uploaded file (multipart form fields, all text). An 其他材料 upload is
 * named (设备采购合同…): uploads of the same name are versions of one document, other names are
 * documents of their own.
 */
export const documentUploadSchema = z
  .object({
    kind: z.enum(DOCUMENT_KINDS, 'documents.errors.kind'),
    title: plainText(DOCUMENT_TITLE_MAX, { message: 'documents.errors.name_long' }).default(''),
    year: optional(intField(1990, 2100, 'documents.errors.year')).prefault(''),
    expiresOn: optional(dateField()).prefault(''),
    ipAssetId: z
      .union([z.literal(''), z.uuid('not_found')])
      .default('')
      .transform((v) => (v === '' ? null : v)),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'financial_statement' && v.year === null) ctx.addIssue({ code: 'custom', path: ['year'], message: 'documents.errors.year_required' });
    if (IP_DOCUMENT_KINDS.includes(v.kind) && v.ipAssetId === null)
      ctx.addIssue({ code: 'custom', path: ['ipAssetId'], message: 'documents.errors.asset_required' });
    if (v.kind === 'other' && v.title === '') ctx.addIssue({ code: 'custom', path: ['title'], message: 'documents.errors.name_required' });
  })
  .transform((v) => ({
    ...v,
    title: v.kind === 'other' ? v.title : null,
    year: v.kind === 'financial_statement' ? v.year : null,
    ipAssetId: IP_DOCUMENT_KINDS.includes(v.kind) ? v.ipAssetId : null,
  }));
export type DocumentUpload = z.output<typeof documentUploadSchema>;

/** An admin reads a document's content only for an investigation, with its reason logged. */
export const investigationReasonSchema = multilineText(500, { min: 5, minMessage: 'documents.errors.reason_required' });
