import { describe, expect, it } from 'vitest';
import { checklist, requirementsFromText } from './requirements';

describe('requirementsFromText', () => {
  it('reads the kinds, and the years of financial statements, from a product’s list', () => {
    expect(requirementsFromText(['营业执照', '近两年及最近一期财务报表', '企业征信查询授权书', '法定代表人身份证明', '近12个月纳税证明'])).toEqual([
      { kind: 'business_license', years: 1 },
      { kind: 'financial_statement', years: 2 },
      { kind: 'credit_authorization', years: 1 },
      { kind: 'tax_certificate', years: 1 },
    ]);
    expect(requirementsFromText(['专利证书及近年年费缴纳凭证', '知识产权价值评估报告', '商标注册证（如有）'])).toEqual([
      { kind: 'patent_certificate', years: 1 },
      { kind: 'appraisal_report', years: 1 },
    ]);
  });
});

describe('checklist', () => {
  const held = [
    { documentId: 'a', kind: 'financial_statement', year: 2025, expiresOn: null, label: '' },
    { documentId: 'b', kind: 'tax_certificate', year: null, expiresOn: '2026-06-30', label: '' },
  ];
  it('one line per year of statements, and expired or missing documents say so', () => {
    expect(
      checklist(
        [
          { kind: 'financial_statement', years: 2 },
          { kind: 'tax_certificate', years: 1 },
          { kind: 'business_license', years: 1 },
        ],
        held,
        '2026-12-01',
      ),
    ).toEqual([
      { kind: 'financial_statement', year: 2025, state: 'have', documentId: 'a' },
      { kind: 'financial_statement', year: 2024, state: 'missing', documentId: null },
      { kind: 'tax_certificate', year: null, state: 'expired', documentId: 'b' },
      { kind: 'business_license', year: null, state: 'missing', documentId: null },
    ]);
  });
});
