// What a product asks for and what the enterprise has. A product declares its documents as rows of
// product_required_documents; a product that has none yet is read from its free-text list (营业执照,
// 近两年…财务报表, 纳税证明, 征信…授权书, 专利证书, 评估报告). Pure.
import type { DocumentKindCode } from '../validation/document';

export interface Requirement {
  kind: DocumentKindCode;
  years: number;
}

const TEXT_RULES: [RegExp, DocumentKindCode][] = [
  [/营业执照/, 'business_license'],
  [/财务报表/, 'financial_statement'],
  [/纳税证明/, 'tax_certificate'],
  [/征信.*授权书/, 'credit_authorization'],
  [/专利证书/, 'patent_certificate'],
  [/评估报告/, 'appraisal_report'],
];
const CN_YEARS: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3 };

export function requirementsFromText(lines: string[]): Requirement[] {
  const out = new Map<DocumentKindCode, Requirement>();
  for (const line of lines)
    for (const [re, kind] of TEXT_RULES)
      if (re.test(line) && !out.has(kind)) {
        const y = /近([一两二三\d])年/.exec(line)?.[1];
        out.set(kind, { kind, years: kind === 'financial_statement' ? (y ? (CN_YEARS[y] ?? Number(y)) : 1) : 1 });
      }
  return [...out.values()];
}

export interface HeldDocument {
  documentId: string;
  kind: string;
  year: number | null;
  expiresOn: string | null;
  label: string;
}

export interface ChecklistItem {
  kind: DocumentKindCode;
  year: number | null;
  state: 'have' | 'expired' | 'missing';
  documentId: string | null;
}

/**
 * One line per required document (per year for 财务报表: the last `years` full years before
 * `today`), saying whether the enterprise has it, has it expired, or lacks it.
 */
export function checklist(required: Requirement[], held: HeldDocument[], today: string): ChecklistItem[] {
  const thisYear = Number(today.slice(0, 4));
  const items: ChecklistItem[] = [];
  for (const r of required) {
    const years = r.kind === 'financial_statement' ? Array.from({ length: r.years }, (_, i) => thisYear - 1 - i) : [null];
    for (const year of years) {
      const d = held.find((h) => h.kind === r.kind && (year === null || h.year === year));
      items.push({
        kind: r.kind,
        year,
        documentId: d?.documentId ?? null,
        state: !d ? 'missing' : d.expiresOn !== null && d.expiresOn < today ? 'expired' : 'have',
      });
    }
  }
  return items;
}
