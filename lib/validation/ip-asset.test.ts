import { describe, expect, it } from 'vitest';
import { withPatentCheckChar } from '../ip/patent-number';
import { checkIpNumber, ipAssetFormSchema, ipAssetToForm, splitOwners, type IpAssetFormInput } from './ip-asset';

const valid: IpAssetFormInput = {
  kind: 'invention',
  number: 'ZL202110123456.7',
  title: '一种基于机器视觉的焊缝跟踪方法',
  owners: '佛山科睿智能装备有限公司',
  grantDate: '2023-09-15',
  expiryDate: '2041-07-08',
  inForce: true,
  feesPaid: true,
  valuationWan: '',
  appraiser: '',
  valuedOn: '',
};

function errors(input: Partial<IpAssetFormInput>) {
  const r = ipAssetFormSchema.safeParse({ ...valid, ...input });
  return Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}
const numberOf = (input: Partial<IpAssetFormInput>) => ipAssetFormSchema.parse({ ...valid, ...input }).number;

describe('patent application numbers (专利申请号)', () => {
  it('accepts the DESIGN example ZL202110123456.7 and stores it normalised', () => {
    expect(errors({})).toEqual({});
    expect(numberOf({ number: 'ZL202110123456.7' })).toBe('ZL202110123456.7');
    expect(numberOf({ number: ' 202110123456.7 ' })).toBe('ZL202110123456.7');
    expect(numberOf({ number: 'zl 2021 1012 3456.7' })).toBe('ZL202110123456.7');
  });

  it('refuses ZL202110123456.8 naming the check digit, and says which one was expected', () => {
    expect(errors({ number: 'ZL202110123456.8' })).toEqual({ number: 'ipAssets.errors.patent_check' });
    expect(checkIpNumber('invention', 'ZL202110123456.8')).toEqual({ ok: false, error: 'ipAssets.errors.patent_check', expected: '7' });
  });

  it('accepts X as the check character when the remainder is 10', () => {
    let digits = '';
    for (let s = 0; s < 100 && !digits; s++) {
      const d = `20211${String(s).padStart(7, '0')}`;
      if (withPatentCheckChar(d).endsWith('X')) digits = d;
    }
    expect(digits).not.toBe('');
    expect(numberOf({ number: `${digits}.x` })).toBe(`ZL${digits}.X`);
  });

  it('refuses a malformed number as a format error', () => {
    for (const number of ['ZL20211012345.7', '2021101234567', 'ZL202110123456', 'ZL202110123456.A', 'CN202110123456.7', 'ZL2021101234560.7']) {
      expect(errors({ number })).toEqual({ number: 'ipAssets.errors.patent_format' });
    }
    expect(errors({ number: '' })).toEqual({ number: 'required' });
  });

  it('requires the type digit to match the kind: 1/8 invention, 2/9 utility model, 3 design', () => {
    const um = withPatentCheckChar('202220123456');
    const design = withPatentCheckChar('202330123456');
    const pctInvention = withPatentCheckChar('202180123456');
    const pctUtility = withPatentCheckChar('202190123456');
    expect(errors({ kind: 'invention', number: um })).toEqual({ number: 'ipAssets.errors.patent_kind_mismatch' });
    expect(errors({ kind: 'utility_model', number: um })).toEqual({});
    expect(errors({ kind: 'design', number: um })).toEqual({ number: 'ipAssets.errors.patent_kind_mismatch' });
    expect(errors({ kind: 'design', number: design })).toEqual({});
    expect(errors({ kind: 'utility_model', number: design })).toEqual({ number: 'ipAssets.errors.patent_kind_mismatch' });
    expect(errors({ kind: 'invention', number: pctInvention })).toEqual({});
    expect(errors({ kind: 'utility_model', number: pctUtility })).toEqual({});
    expect(errors({ kind: 'design', number: pctInvention })).toEqual({ number: 'ipAssets.errors.patent_kind_mismatch' });
    expect(errors({ kind: 'invention', number: withPatentCheckChar('202140123456') })).toEqual({ number: 'ipAssets.errors.patent_kind_mismatch' });
  });

  it('checks the check digit before the kind', () => {
    expect(errors({ kind: 'design', number: 'ZL202110123456.8' })).toEqual({ number: 'ipAssets.errors.patent_check' });
  });
});

describe('trademark and copyright numbers', () => {
  it('takes a trademark registration number of 1–9 digits, also written 第…号, as digits', () => {
    expect(numberOf({ kind: 'trademark', number: '36512874' })).toBe('36512874');
    expect(numberOf({ kind: 'trademark', number: '第36512874号' })).toBe('36512874');
    expect(numberOf({ kind: 'trademark', number: '第 36512874 号' })).toBe('36512874');
    expect(numberOf({ kind: 'trademark', number: '7' })).toBe('7');
    for (const number of ['1234567890', '第36512874', '36512874号', 'TM36512874', '第号', '3651-2874']) {
      expect(errors({ kind: 'trademark', number })).toEqual({ number: 'ipAssets.errors.trademark_format' });
    }
  });

  it('takes a software copyright registration number YYYYSR + 7 digits, upper-cased', () => {
    expect(numberOf({ kind: 'software_copyright', number: '2023SR0123456' })).toBe('2023SR0123456');
    expect(numberOf({ kind: 'software_copyright', number: '2023sr0123456' })).toBe('2023SR0123456');
    for (const number of ['2023SR012345', '2023SR01234567', '23SR0123456', '2023RS0123456', 'ZL202110123456.7']) {
      expect(errors({ kind: 'software_copyright', number })).toEqual({ number: 'ipAssets.errors.software_copyright_format' });
    }
  });

  it('takes a work copyright number as free text of 3–40 characters', () => {
    expect(numberOf({ kind: 'work_copyright', number: ' 国作登字-2023-F-00012345 ' })).toBe('国作登字-2023-F-00012345');
    expect(errors({ kind: 'work_copyright', number: 'ab' })).toEqual({ number: 'ipAssets.errors.work_copyright_format' });
    expect(errors({ kind: 'work_copyright', number: 'x'.repeat(41) })).toEqual({ number: 'ipAssets.errors.work_copyright_format' });
    expect(errors({ kind: 'work_copyright', number: 'x'.repeat(40) })).toEqual({});
  });

  it('requires a kind', () => {
    expect(errors({ kind: '' as IpAssetFormInput['kind'] })).toEqual({ kind: 'ipAssets.errors.kind' });
  });
});

describe('owners (权利人)', () => {
  it('splits one per line or on 、 and commas, trimmed and without duplicates', () => {
    expect(splitOwners('甲公司\n 乙大学 \n\n')).toEqual(['甲公司', '乙大学']);
    expect(splitOwners('甲公司、乙大学,丙研究院，丁公司；甲公司')).toEqual(['甲公司', '乙大学', '丙研究院', '丁公司']);
    expect(ipAssetFormSchema.parse({ ...valid, owners: '甲公司、华南理工大学' }).owners).toEqual(['甲公司', '华南理工大学']);
  });

  it('needs at least one and at most ten', () => {
    expect(errors({ owners: '' })).toEqual({ owners: 'ipAssets.errors.owners_required' });
    expect(errors({ owners: ' 、\n, ' })).toEqual({ owners: 'ipAssets.errors.owners_required' });
    const ten = Array.from({ length: 10 }, (_, i) => `权利人${i}`);
    expect(errors({ owners: ten.join('\n') })).toEqual({});
    expect(errors({ owners: [...ten, '第十一人'].join('、') })).toEqual({ owners: 'ipAssets.errors.owners_too_many' });
    expect(errors({ owners: 'x'.repeat(101) })).toEqual({ owners: 'too_long' });
  });
});

describe('dates and valuation', () => {
  it('makes both dates optional, valid ISO days, grant not after expiry', () => {
    expect(ipAssetFormSchema.parse({ ...valid, grantDate: '', expiryDate: '' })).toMatchObject({ grantDate: null, expiryDate: null });
    expect(errors({ grantDate: '2023-02-30' })).toMatchObject({ grantDate: expect.any(String) });
    expect(errors({ grantDate: '2030-01-02', expiryDate: '2030-01-01' })).toEqual({ expiryDate: 'ipAssets.errors.expiry_before_grant' });
    expect(errors({ grantDate: '2030-01-01', expiryDate: '2030-01-01' })).toEqual({});
  });

  it('takes an amount in 万元 as fen, with appraiser and date required alongside', () => {
    const v = ipAssetFormSchema.parse({ ...valid, valuationWan: '1200.5', appraiser: ' 广东中联羊城资产评估有限公司 ', valuedOn: '2026-04-28' });
    expect(v).toMatchObject({ valuationFen: 1_200_500_000n, appraiser: '广东中联羊城资产评估有限公司', valuedOn: '2026-04-28' });
    expect(errors({ valuationWan: '100' })).toEqual({ appraiser: 'ipAssets.errors.appraiser_required', valuedOn: 'ipAssets.errors.valued_on_required' });
    expect(errors({ valuationWan: '0', appraiser: 'x', valuedOn: '2026-01-01' })).toEqual({ valuationWan: 'amount_positive' });
    expect(errors({ valuationWan: '1.001', appraiser: 'x', valuedOn: '2026-01-01' })).toEqual({ valuationWan: 'amount_wan' });
    expect(errors({ valuationWan: '1000000.01', appraiser: 'x', valuedOn: '2026-01-01' })).toEqual({ valuationWan: 'amount_max_100yi' });
    expect(errors({ appraiser: '某评估公司' })).toEqual({ valuationWan: 'ipAssets.errors.valuation_amount_required' });
    expect(ipAssetFormSchema.parse(valid)).toMatchObject({ valuationFen: null, appraiser: null, valuedOn: null });
  });
});

describe('ipAssetToForm', () => {
  it('gives back form values that parse to the same asset', () => {
    const row = {
      kind: 'trademark' as const,
      number: '36512874',
      title: '科睿 KERUI（第7类）',
      owners: ['佛山科睿智能装备有限公司', '华南理工大学'],
      grantDate: '2019-10-14',
      expiryDate: '2029-10-13',
      inForce: true,
      feesPaid: false,
      valuationFen: 2_600_000_000n,
      appraiser: '某评估公司',
      valuedOn: '2026-04-28',
    };
    const form = ipAssetToForm(row);
    expect(form).toMatchObject({ owners: '佛山科睿智能装备有限公司\n华南理工大学', valuationWan: '2600', feesPaid: false });
    const back = ipAssetFormSchema.parse(form);
    expect(back).toEqual(row);
    expect(ipAssetToForm({ ...row, grantDate: null, expiryDate: null, valuationFen: null, appraiser: null, valuedOn: null })).toMatchObject({
      grantDate: '',
      expiryDate: '',
      valuationWan: '',
      appraiser: '',
      valuedOn: '',
    });
  });
});
