// The demo's institutions with their officers, the LPR history, the risk-sharing schemes and the
// products (from data/institutions.ts and data/products.ts).
import { withUsccCheckChar } from '../enterprises/uscc';
import { DEMO_ACCOUNT_NAMES, DEMO_ACCOUNTS, DEMO_BANK_INSTITUTION, officerEmail } from './data/accounts';
import { addMonths, addWorkingHours, at, DEMO_TODAY } from './data/calendar';
import { INSTITUTIONS } from './data/institutions';
import { seedUuid } from './data/prng';
import { PRODUCT_TEMPLATES } from './data/products';
import { type DemoRows, ADMIN_ID, IP_SCHEME, RONGDAN_SCHEME, wan, date, type Inst, type Prod, type Lpr } from './context';

// ---------------------------------------------------------------- institutions, LPR, schemes, products

export function buildInstitutions(rows: DemoRows, passwordHash: string): Map<string, Inst> {
  const insts = new Map<string, Inst>();
  for (const seed of INSTITUTIONS) {
    const id = seedUuid('institution', seed.key);
    const joinedMs = at(seed.joinedOn, 10, 0);
    const isDemoBank = seed.key === DEMO_BANK_INSTITUTION;
    const userId = seedUuid('user', `institution:${seed.key}`);
    const userName = isDemoBank ? DEMO_ACCOUNT_NAMES.bank : seed.officerName;
    const activatedMs = addWorkingHours(joinedMs, 6);
    rows.institutions.push({
      id,
      name: seed.name,
      kind: seed.kind,
      uscc: withUsccCheckChar(seed.usccBody),
      contactName: seed.contactName,
      contactPhone: seed.contactPhone,
      contactEmail: `kjjr@${seed.key}.example`,
      status: seed.status,
      createdAt: date(joinedMs),
      updatedAt: date(seed.status === 'suspended' ? at('2026-09-15', 15, 20) : seed.status === 'active' ? activatedMs : joinedMs),
    });
    rows.users.push({
      id: userId,
      name: userName,
      email: isDemoBank ? DEMO_ACCOUNTS.bank : officerEmail(seed.key),
      passwordHash,
      role: 'institution',
      institutionId: id,
      memberRole: 'officer',
      status: 'active',
      lastLoginAt: seed.status === 'active' ? date(at('2026-11-19', 9 + (seed.responseHours % 8), 15)) : null,
      createdAt: date(joinedMs),
      updatedAt: date(joinedMs),
    });
    insts.set(seed.key, { seed, id, userId, userName, joinedMs });
  }
  return insts;
}

export function buildLpr(rows: DemoRows): Lpr[] {
  // Published monthly on the 20th: 3.10 % / 3.60 % until April 2025, 3.00 % / 3.50 % since May 2025.
  const out: Lpr[] = [];
  for (let m = 0; ; m++) {
    const day = addMonths('2024-12-20', m);
    if (day > DEMO_TODAY) break;
    const cut = day >= '2025-05-20';
    const row = { effectiveOn: day, oneYearBp: cut ? 300 : 310, fiveYearBp: cut ? 350 : 360 };
    rows.lprRates.push(row);
    out.push(row);
  }
  return out;
}

const CONTRIBUTIONS: Record<string, { on: string; yuan: number; note: string }[]> = {
  [IP_SCHEME]: [
    { on: '2025-01-15', yuan: 10_000_000, note: '市级财政首期注资' },
    { on: '2025-07-01', yuan: 5_000_000, note: '佛山高新区管委会配套资金' },
    { on: '2026-03-10', yuan: 10_000_000, note: '市级财政2026年度注资' },
  ],
  [RONGDAN_SCHEME]: [
    { on: '2025-02-28', yuan: 20_000_000, note: '融担贷风险资金池首期资金' },
    { on: '2026-02-16', yuan: 10_000_000, note: '融担贷风险资金池年度补充' },
  ],
};

export function buildSchemes(rows: DemoRows): Map<string, string> {
  const ids = new Map<string, string>();
  const defs = [
    {
      code: IP_SCHEME,
      name: '佛山市知识产权质押融资风险补偿资金',
      kind: 'ip_pledge_compensation' as const,
      eligibleCategories: ['ip_pledge' as const],
      shareFundBp: 7000,
      shareBankBp: 3000,
      shareGuarantorBp: 0,
      capPerLoanFen: wan(500),
      leverageCap: '10.00',
      createdMs: at('2025-01-10', 10, 0),
    },
    {
      code: RONGDAN_SCHEME,
      name: '佛山高新区融担贷',
      kind: 'guarantee_fund' as const,
      eligibleCategories: ['guarantee' as const],
      shareFundBp: 4000,
      shareBankBp: 2000,
      shareGuarantorBp: 4000,
      capPerLoanFen: wan(300),
      leverageCap: '8.00',
      createdMs: at('2025-02-20', 10, 0),
    },
  ];
  for (const def of defs) {
    const id = seedUuid('scheme', def.code);
    ids.set(def.code, id);
    const { createdMs, ...rest } = def;
    let balance = 0n;
    CONTRIBUTIONS[def.code].forEach((c, i) => {
      const amountFen = BigInt(c.yuan) * 100n;
      balance += amountFen;
      rows.schemeContributions.push({
        id: seedUuid('contribution', `${def.code}:${i}`),
        schemeId: id,
        amountFen,
        contributedOn: c.on,
        note: c.note,
        recordedBy: ADMIN_ID,
        createdAt: date(at(c.on, 16, 0)),
      });
    });
    // Paid claims are subtracted in buildClaims.
    rows.riskSchemes.push({ id, ...rest, balanceFen: balance, createdAt: date(createdMs) });
  }
  return ids;
}

export function buildProducts(rows: DemoRows, insts: Map<string, Inst>, parkIds: Map<string, number>, schemeIds: Map<string, string>): Map<string, Prod> {
  const prods = new Map<string, Prod>();
  for (const t of PRODUCT_TEMPLATES) {
    const inst = insts.get(t.institution);
    if (!inst) throw new Error(`product ${t.key}: unknown institution ${t.institution}`);
    const id = seedUuid('product', t.key);
    const schemeCode = t.category === 'ip_pledge' ? IP_SCHEME : t.category === 'guarantee' ? RONGDAN_SCHEME : null;
    const publishedMs = t.publishedOn ? at(t.publishedOn, 10, 30) : null;
    const updatedMs =
      t.status === 'suspended' ? at('2026-09-15', 15, 25) : t.status === 'archived' ? at('2025-03-05', 11, 0) : (publishedMs ?? at(t.createdOn, 16, 0));
    rows.products.push({
      id,
      institutionId: inst.id,
      name: t.name,
      category: t.category,
      summary: t.summary,
      description: t.description,
      amountMinFen: wan(t.amountWan[0]),
      amountMaxFen: wan(t.amountWan[1]),
      termMinMonths: t.termMonths[0],
      termMaxMonths: t.termMonths[1],
      rateType: t.rateType,
      rateMinBp: t.rateBp[0],
      rateMaxBp: t.rateBp[1],
      feeBp: t.feeBp ?? 0,
      subsidyBp: t.subsidyBp ?? 0,
      guaranteeMethods: t.guarantee,
      repaymentMethods: t.repayment,
      requiredCertifications: t.requiredCertifications ?? [],
      minInnovationScore: t.minInnovationScore != null ? t.minInnovationScore.toFixed(2) : null,
      minYearsInOperation: t.minYears ?? null,
      eligibleParkIds: (t.parks ?? []).map((code) => {
        const pid = parkIds.get(code);
        if (pid == null) throw new Error(`product ${t.key}: unknown park ${code}`);
        return pid;
      }),
      eligibleIndustries: t.industries ?? [],
      maxEmployees: t.maxEmployees ?? null,
      maxRevenueFen: t.maxRevenueWan != null ? wan(t.maxRevenueWan) : null,
      zoneExclusive: t.zoneExclusive ?? false,
      requiredDocuments: t.documents,
      schemeId: schemeCode ? schemeIds.get(schemeCode)! : null,
      status: t.status,
      publishedAt: publishedMs != null ? date(publishedMs) : null,
      createdAt: date(at(t.createdOn, 15, 0)),
      updatedAt: date(updatedMs),
    });
    prods.set(t.key, { t, id, inst, schemeCode, publishedMs, min: t.amountWan[0], max: t.amountWan[1] });
  }
  return prods;
}
