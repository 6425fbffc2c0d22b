// Applications with their timelines, and the loans, repayments, pledges and scheme enrolments that
// follow; each application's need and matches come with it.
import type { SeedCategory } from './data/categories';
import { DEMO_BANK_INSTITUTION } from './data/accounts';
import {
  addDays,
  addMonths,
  addWorkingDays,
  addWorkingHours,
  addYears,
  at,
  dateOf,
  daysBetween,
  DEMO_NOW,
  DEMO_TODAY,
  HOUR,
  monthsBetween,
  roundToMinute,
} from './data/calendar';
import { digest, type Rng, rngFor, seedUuid } from './data/prng';
import type { RepaymentMethodSeed } from './data/products';
import {
  type AppStatus,
  type NeedStatus,
  type GuaranteeMethod,
  type LoanStatus,
  type MatchSource,
  type IpRow,
  wan,
  toWan,
  date,
  minMs,
  maxMs,
  round10,
  clamp,
  formatRate,
  randomDate,
  type Ent,
  type Prod,
  type Ctx,
  lprAt,
  maxDay,
} from './context';
import { eligible, ceilingRate, type NeedShape, fits, addMatch } from './matching';
import { needDescription, purposeFor } from './need-text';

// ---------------------------------------------------------------- applications, loans, pledges

interface AppSpec {
  status: SeededAppStatus;
  product?: string;
  category?: SeedCategory;
  institution?: string;
  ent?: number;
  window?: [string, string];
  /** The window is a preference (spreading loans over the months), not a rule. */
  softWindow?: boolean;
  submittedMs?: number;
  amountWan?: number;
  termMonths?: number;
  repayment?: RepaymentMethodSeed;
  special?: 'compensated' | 'defaulted' | 'overdue';
  need?: 'auto' | 'none' | 'fulfilled' | 'matched' | 'withdrawn' | 'open' | 'expired';
  needCreatedMs?: number;
  needAmountWan?: number;
  pledgeNumbers?: string[];
  rejectFrom?: 'submitted' | 'accepted';
  withdrawFrom?: 'submitted' | 'accepted' | 'approved';
  distinctScheme?: boolean;
}

/** The demo seeds no application waiting for materials (yet). */
type SeededAppStatus = Exclude<AppStatus, 'materials_requested'>;
const WINDOWS: Record<SeededAppStatus, [string, string]> = {
  submitted: ['2026-11-12', '2026-11-19'],
  accepted: ['2026-10-19', '2026-11-13'],
  approved: ['2026-09-21', '2026-11-04'],
  disbursed: ['2025-01-06', '2026-10-23'],
  rejected: ['2025-01-13', '2026-11-09'],
  withdrawn: ['2025-01-13', '2026-11-11'],
};

const REJECT_REASONS: readonly [string, string][] = [
  ['insufficient_cash_flow', '近12个月经营性现金流为负，第一还款来源不足。'],
  ['high_leverage', '企业资产负债率超过70%，现有融资余额较高，暂不符合授信条件。'],
  ['credit_record', '企业征信报告显示近两年内存在逾期记录，暂不予授信。'],
  ['incomplete_documents', '申请材料不完整，经两次补充仍缺少近两年审计报告。'],
  ['policy_mismatch', '企业主营业务暂不在本产品支持范围内，建议申请其他产品。'],
];
const IP_REJECT: [string, string] = ['collateral_value', '质押知识产权评估价值不足，质押率超出本行政策上限。'];
const WITHDRAW_NOTES: readonly string[] = [
  '已获得其他银行授信，不再需要本笔贷款。',
  '项目延期，暂缓融资。',
  '申请金额需调整，撤回后重新申请。',
  '企业内部决策调整，暂不融资。',
];

function termChoices(prod: Prod): number[] {
  return [6, 12, 18, 24, 36, 48, 60].filter((m) => m >= prod.t.termMonths[0] && m <= prod.t.termMonths[1]);
}

export function pledgeable(asset: IpRow, day: string, maturity: string, locked: Set<string>): boolean {
  return (
    (asset.kind === 'invention' || asset.kind === 'utility_model' || asset.kind === 'trademark') &&
    !locked.has(asset.id) &&
    asset.inForce !== false &&
    asset.feesPaid !== false &&
    asset.valuationFen != null &&
    asset.grantDate != null &&
    asset.grantDate < addDays(day, -30) &&
    asset.expiryDate != null &&
    asset.expiryDate > addYears(maturity, 1)
  );
}

export function buildApplications(ctx: Ctx): void {
  const rng = rngFor('applications');
  const needRng = rngFor('needs');
  const matchSeen = new Set<string>();
  const lockedAssets = new Set<string>();

  // ---- the specs, processed in this order
  const specs: AppSpec[] = [];
  const smeNeedDay = (d: string, h: number, m: number) => at(d, h, m);
  // The demo SME's story.
  specs.push(
    {
      ent: 0,
      product: 'icbc-guarantee',
      status: 'disbursed',
      submittedMs: at('2025-03-03', 10, 12),
      amountWan: 600,
      termMonths: 12,
      repayment: 'equal_installment',
      need: 'none',
      distinctScheme: true,
    },
    {
      ent: 0,
      product: 'cmb-credit',
      status: 'withdrawn',
      submittedMs: at('2025-05-20', 15, 40),
      amountWan: 600,
      termMonths: 24,
      need: 'withdrawn',
      needCreatedMs: smeNeedDay('2025-05-14', 11, 5),
      withdrawFrom: 'accepted',
    },
    {
      ent: 0,
      product: 'abc-digital',
      status: 'rejected',
      submittedMs: at('2025-08-12', 9, 35),
      amountWan: 300,
      termMonths: 12,
      need: 'none',
      rejectFrom: 'accepted',
    },
    {
      ent: 0,
      product: 'icbc-ip',
      status: 'disbursed',
      submittedMs: at('2026-05-11', 10, 20),
      amountWan: 500,
      termMonths: 24,
      repayment: 'interest_first',
      need: 'fulfilled',
      needCreatedMs: smeNeedDay('2026-05-06', 14, 30),
      needAmountWan: 500,
      pledgeNumbers: ['ZL201910345678'],
    },
    {
      ent: 0,
      product: 'ccb-credit',
      status: 'accepted',
      submittedMs: at('2026-11-04', 14, 5),
      amountWan: 500,
      termMonths: 24,
      need: 'matched',
      needCreatedMs: smeNeedDay('2026-11-02', 9, 50),
      needAmountWan: 500,
    },
    { ent: 0, product: 'icbc-points', status: 'submitted', submittedMs: at('2026-11-18', 16, 40), amountWan: 800, termMonths: 36, need: 'none' },
  );
  // The hard cases: an IP loan compensated by the fund, a 融担贷 loan in default, an overdue loan,
  // and an approved IP loan whose pledge is not registered yet.
  specs.push(
    {
      product: 'boc-ip',
      status: 'disbursed',
      special: 'compensated',
      window: ['2025-02-10', '2025-03-14'],
      termMonths: 36,
      repayment: 'equal_principal',
      distinctScheme: true,
      need: 'none',
    },
    {
      product: 'abc-guarantee',
      status: 'disbursed',
      special: 'defaulted',
      window: ['2025-03-10', '2025-04-18'],
      amountWan: 400,
      termMonths: 36,
      repayment: 'equal_installment',
      distinctScheme: true,
      need: 'none',
    },
    {
      product: 'cgb-equipment',
      status: 'disbursed',
      special: 'overdue',
      window: ['2025-05-12', '2025-07-31'],
      termMonths: 36,
      repayment: 'equal_installment',
      need: 'none',
    },
    { product: 'ccb-ip', status: 'approved', window: ['2026-10-12', '2026-10-30'], termMonths: 24, need: 'matched' },
  );
  // 融担贷: every bank with a guarantee product has enrolled loans, each to a different enterprise.
  const loanSpecs: AppSpec[] = [];
  for (const key of [
    'ccb-guarantee',
    'boc-guarantee',
    'cmb-guarantee',
    'cgb-guarantee',
    'fsrcb-guarantee',
    'ccb-guarantee',
    'boc-guarantee',
    'fsrcb-guarantee',
  ]) {
    loanSpecs.push({ product: key, status: 'disbursed', distinctScheme: true });
  }
  // IP-pledge loans.
  for (const key of ['icbc-ip', 'icbc-ip', 'icbc-ip', 'ccb-ip', 'ccb-ip', 'ccb-ip', 'boc-ip', 'boc-ip', 'fsrcb-ip', 'fsrcb-ip', 'fsrcb-ip']) {
    loanSpecs.push({ product: key, status: 'disbursed', distinctScheme: true });
  }
  const otherLoans = [
    'icbc-points',
    'icbc-points',
    'icbc-points',
    'abc-points',
    'abc-points',
    'cgb-points',
    'cgb-points',
    'sdrcb-points',
    'icbc-digital',
    'icbc-digital',
    'abc-digital',
    'abc-digital',
    'cmb-digital',
    'cmb-digital',
    'fsrcb-digital',
    'fsrcb-digital',
    'ccb-equipment',
    'ccb-equipment',
    'boc-equipment',
    'cgb-equipment',
    'sdrcb-equipment',
    'sdrcb-equipment',
    'icbc-credit',
    'icbc-credit',
    'ccb-credit',
    'ccb-credit',
    'cmb-credit',
    'cmb-credit',
    'sdrcb-credit',
    'sdrcb-credit',
  ];
  for (const key of otherLoans) loanSpecs.push({ product: key, status: 'disbursed' });
  // Spread the loans evenly over the history, so every month of the dashboard has disbursements.
  const [from, to] = WINDOWS.disbursed;
  const span = daysBetween(from, to);
  rng.shuffle(loanSpecs).forEach((spec, i, all) => {
    const start = addDays(from, Math.floor((span * i) / all.length));
    const end = addDays(from, Math.floor((span * (i + 1)) / all.length));
    specs.push({ ...spec, window: [start, end], softWindow: true });
  });
  // The guarantee company's own product: guarantees are being arranged, none granted yet.
  specs.push(
    { product: 'fsguar-guarantee', status: 'accepted' },
    { product: 'fsguar-guarantee', status: 'submitted' },
    { product: 'fsguar-guarantee', status: 'rejected' },
  );
  // Work in progress and closed-without-loan, every status with at least one at the demo bank.
  const pending: [SeededAppStatus, number][] = [
    ['submitted', 10],
    ['accepted', 9],
    ['approved', 5],
    ['rejected', 12],
    ['withdrawn', 7],
  ];
  for (const [status, n] of pending) {
    for (let i = 0; i < n; i++) specs.push({ status, institution: i === 0 || (i === 3 && status !== 'approved') ? DEMO_BANK_INSTITUTION : undefined });
  }

  for (const spec of specs) buildOneApplication(ctx, rng, needRng, matchSeen, lockedAssets, spec);
}

function buildOneApplication(ctx: Ctx, rng: Rng, needRng: Rng, matchSeen: Set<string>, lockedAssets: Set<string>, spec: AppSpec): void {
  const rows = ctx.rows;
  for (let attempt = 0; attempt < 200; attempt++) {
    // ---- product
    let prod: Prod;
    if (spec.product) prod = ctx.prods.get(spec.product)!;
    else {
      let pool = ctx.published;
      if (spec.institution) pool = pool.filter((p) => p.inst.seed.key === spec.institution);
      if (spec.category) pool = pool.filter((p) => p.t.category === spec.category);
      prod = rng.pick(pool);
    }
    if (!prod) throw new Error(`seed: unknown product ${spec.product}`);
    const t = prod.t;
    const isIp = t.category === 'ip_pledge';

    // ---- when
    const window = spec.window && !(spec.softWindow && attempt >= 40) ? spec.window : WINDOWS[spec.status];
    let submittedMs: number;
    if (spec.submittedMs != null) submittedMs = spec.submittedMs;
    else {
      const from = prod.publishedMs != null ? maxDay(window[0], addDays(dateOf(prod.publishedMs), 3)) : window[0];
      if (from > window[1]) continue;
      submittedMs = at(randomDate(rng, from, window[1]), rng.int(8, 21), rng.int(0, 59));
    }
    if (submittedMs >= DEMO_NOW) continue;
    const day = dateOf(submittedMs);
    const termMonths = spec.termMonths ?? rng.weighted(termChoices(prod).map((m) => [m, m === 12 || m === 24 ? 3 : m === 36 ? 2 : 1] as const));
    const maturityGuess = addMonths(day, termMonths + 2);

    // ---- who
    const candidates = ctx.ents.filter((e) => {
      if (spec.ent != null) return e.n === spec.ent;
      if (e.n === 0) return false; // the demo SME's applications are all spelled out above
      if (e.verifiedMs == null || e.verifiedMs + 24 * HOUR > submittedMs) return false;
      if (e.appliedProducts.has(t.key)) return false;
      if (spec.distinctScheme && prod.schemeCode && e.hasSchemeLoan) return false;
      if (isIp && (spec.status === 'disbursed' || spec.status === 'approved')) {
        const value = e.ip.filter((a) => pledgeable(a, day, maturityGuess, lockedAssets)).reduce((sum, a) => sum + toWan(a.valuationFen!), 0);
        if (value * 0.55 < t.amountWan[0]) return false;
      }
      return true;
    });
    const ok = candidates.filter((e) => eligible(ctx, e, prod, day));
    if (ok.length === 0) {
      if (spec.ent != null) throw new Error(`seed: enterprise ${spec.ent} is not eligible for ${t.key} on ${day}`);
      continue;
    }
    const ent = ok.map((e) => ({ e, key: e.apps + rng.next() * 1.5 })).sort((a, b) => a.key - b.key)[0].e;

    // ---- how much
    let pledgeAssets: IpRow[] = [];
    let amountWan: number;
    if (isIp && (spec.status === 'disbursed' || spec.status === 'approved')) {
      pledgeAssets = spec.pledgeNumbers
        ? ent.ip.filter((a) => spec.pledgeNumbers!.some((num) => a.number.startsWith(num)))
        : ent.ip
            .filter((a) => pledgeable(a, day, maturityGuess, lockedAssets))
            .sort((a, b) => Number(b.valuationFen! - a.valuationFen!))
            .slice(0, rng.int(1, 2));
      if (pledgeAssets.length === 0) throw new Error(`seed: no pledgeable assets for ${ent.name}`);
      const value = pledgeAssets.reduce((sum, a) => sum + toWan(a.valuationFen!), 0);
      amountWan = spec.amountWan ?? clamp(round10(value * (0.3 + rng.next() * 0.25)), t.amountWan[0], t.amountWan[1]);
    } else {
      const cap = Math.max(t.amountWan[0], Math.min(t.amountWan[1], toWan(ent.revenueFen) * 0.25));
      amountWan = spec.amountWan ?? clamp(round10(rng.logUniform(t.amountWan[0], cap)), t.amountWan[0], t.amountWan[1]);
    }
    if (amountWan < t.amountWan[0] || amountWan > t.amountWan[1]) throw new Error(`seed: amount ${amountWan} outside ${t.key}`);

    // ---- the timeline
    const speed = prod.inst.seed.responseHours * (0.3 + rng.next() * 1.9);
    const acceptMs = addWorkingHours(submittedMs, speed);
    const decideMs = addWorkingDays(acceptMs, 2 + rng.next() * 8);
    const registerMs = isIp ? addWorkingDays(decideMs, 3 + rng.next() * 5) : decideMs;
    const disburseMs = addWorkingDays(registerMs, isIp ? 1 + rng.next() * 2 : 1 + rng.next() * 5);
    const rejectFrom = spec.rejectFrom ?? (rng.chance(0.6) ? 'accepted' : 'submitted');
    const withdrawFrom =
      spec.withdrawFrom ??
      rng.weighted([
        ['submitted', 4],
        ['accepted', 4],
        ['approved', 2],
      ] as const);
    const steps: { to: AppStatus; ms: number; by: 'enterprise' | 'institution' }[] = [{ to: 'submitted', ms: submittedMs, by: 'enterprise' }];
    switch (spec.status) {
      case 'submitted':
        break;
      case 'accepted':
        steps.push({ to: 'accepted', ms: acceptMs, by: 'institution' });
        break;
      case 'approved':
        steps.push({ to: 'accepted', ms: acceptMs, by: 'institution' }, { to: 'approved', ms: decideMs, by: 'institution' });
        break;
      case 'disbursed':
        steps.push(
          { to: 'accepted', ms: acceptMs, by: 'institution' },
          { to: 'approved', ms: decideMs, by: 'institution' },
          { to: 'disbursed', ms: disburseMs, by: 'institution' },
        );
        break;
      case 'rejected':
        if (rejectFrom === 'accepted') steps.push({ to: 'accepted', ms: acceptMs, by: 'institution' }, { to: 'rejected', ms: decideMs, by: 'institution' });
        else steps.push({ to: 'rejected', ms: addWorkingHours(submittedMs, speed * 1.5), by: 'institution' });
        break;
      case 'withdrawn': {
        if (withdrawFrom !== 'submitted') steps.push({ to: 'accepted', ms: acceptMs, by: 'institution' });
        if (withdrawFrom === 'approved') steps.push({ to: 'approved', ms: decideMs, by: 'institution' });
        const last = steps[steps.length - 1].ms;
        steps.push({ to: 'withdrawn', ms: last + Math.round((0.2 + rng.next() * 4) * 24 * HOUR), by: 'enterprise' });
        break;
      }
    }
    if (steps[steps.length - 1].ms >= DEMO_NOW) continue;
    // A submitted application is still waiting; an accepted one has no decision yet.
    if (spec.status === 'submitted' && acceptMs < DEMO_NOW && spec.submittedMs == null && rng.chance(0.5)) continue;

    // ---- accept this attempt
    ctx.appSeq++;
    const seq = ctx.appSeq;
    const appId = seedUuid('application', seq);
    ent.apps++;
    ent.appliedProducts.add(t.key);
    const stepAt = (to: AppStatus) => steps.find((st) => st.to === to)?.ms ?? null;
    const firstActionMs = steps.find((st) => st.by === 'institution')?.ms ?? null;
    const approvedMs = stepAt('approved');
    const rejectedMs = stepAt('rejected');
    const disbursedMs = stepAt('disbursed');
    const decidedMs = approvedMs ?? rejectedMs;
    let approvedAmountWan: number | null = null;
    let approvedRate: number | null = null;
    if (approvedMs != null) {
      approvedAmountWan = rng.chance(0.7) ? amountWan : Math.max(t.amountWan[0], Math.min(amountWan, round10(amountWan * (0.7 + rng.next() * 0.25))));
      const decideDay = dateOf(approvedMs);
      const lo = t.rateBp[0];
      const hi = t.rateBp[1];
      const pick = lo + Math.round((rng.next() * (hi - lo)) / 5) * 5;
      approvedRate = t.rateType === 'lpr_spread' ? lprAt(ctx.lpr, decideDay) + pick : pick;
    }
    const [rejectCode, rejectText] = isIp && rng.chance(0.5) ? IP_REJECT : rng.pick(REJECT_REASONS);
    const request = { enterpriseId: ent.id, productId: prod.id, amountFen: wan(amountWan).toString(), termMonths };
    rows.applications.push({
      id: appId,
      enterpriseId: ent.id,
      productId: prod.id,
      institutionId: prod.inst.id,
      amountFen: wan(amountWan),
      termMonths,
      status: spec.status,
      approvedAmountFen: approvedAmountWan != null ? wan(approvedAmountWan) : null,
      approvedRateBp: approvedRate,
      approvedTermMonths: approvedMs != null ? termMonths : null,
      rejectReason: spec.status === 'rejected' ? rejectText : null,
      idempotencyKey: `seed-${seq}`,
      requestHash: digest(JSON.stringify(request)),
      submittedAt: date(submittedMs),
      firstActionAt: firstActionMs != null ? date(firstActionMs) : null,
      decidedAt: decidedMs != null ? date(decidedMs) : null,
      disbursedAt: disbursedMs != null ? date(disbursedMs) : null,
      createdBy: ent.ownerId,
      updatedAt: date(steps[steps.length - 1].ms),
    });
    let prev: AppStatus | null = null;
    for (const st of steps) {
      const reason =
        st.to === 'submitted'
          ? { code: 'submitted', note: `申请${amountWan}万元，期限${termMonths}个月` }
          : st.to === 'accepted'
            ? { code: 'accepted', note: '材料齐全，已受理，进入尽职调查' }
            : st.to === 'approved'
              ? { code: 'credit_approved', note: `授信${approvedAmountWan}万元，年利率${formatRate(approvedRate!)}，期限${termMonths}个月` }
              : st.to === 'disbursed'
                ? { code: 'disbursed', note: `已放款${approvedAmountWan}万元` }
                : st.to === 'rejected'
                  ? { code: rejectCode, note: rejectText }
                  : { code: 'withdrawn_by_enterprise', note: rng.pick(WITHDRAW_NOTES) };
      rows.applicationEvents.push({
        applicationId: appId,
        actorUserId: st.by === 'enterprise' ? ent.ownerId : prod.inst.userId,
        fromStatus: prev,
        toStatus: st.to,
        reasonCode: reason.code,
        note: reason.note,
        at: date(st.ms),
      });
      prev = st.to;
    }

    // ---- pledge
    let pledgeId: string | null = null;
    const livePledge = isIp && (spec.status === 'approved' || spec.status === 'disbursed');
    if (livePledge) {
      for (const a of pledgeAssets) {
        lockedAssets.add(a.id);
        if (a.valuedOn && a.valuedOn > addDays(day, -7)) a.valuedOn = addDays(day, -rng.int(10, 40));
      }
    }

    // ---- loan
    let loanId: string | null = null;
    if (disbursedMs != null) {
      loanId = seedUuid('loan', seq);
      buildLoan(ctx, {
        loanId,
        appId,
        ent,
        prod,
        principal: wan(approvedAmountWan!),
        rate: approvedRate!,
        termMonths,
        repayment: spec.repayment ?? rng.pick(t.repayment),
        disbursedMs,
        special: spec.special,
      });
      if (prod.schemeCode) ent.hasSchemeLoan = true;
    }
    if (livePledge) {
      pledgeId = seedUuid('pledge', seq);
      const loan = loanId ? ctx.loanMeta[ctx.loanMeta.length - 1] : null;
      const pledgeStatus = !loan ? 'pending_registration' : loan.status === 'repaid' ? 'released' : loan.status === 'compensated' ? 'enforced' : 'registered';
      ctx.pledgeSeq++;
      const registeredOn = loan ? dateOf(registerMs) : null;
      const pledgeUpdatedMs = loan
        ? pledgeStatus === 'released'
          ? at(loanEndDay(ctx, loan.loanId), 15, 0)
          : pledgeStatus === 'enforced'
            ? at('2026-06-10', 15, 0)
            : registerMs
        : approvedMs!;
      rows.pledges.push({
        id: pledgeId,
        applicationId: appId,
        loanId,
        registrationNumber: registeredOn ? `Y${registeredOn.slice(0, 4)}44${String(1000 + ctx.pledgeSeq * 37).padStart(7, '0')}` : null,
        registeredOn,
        pledgedValueFen: pledgeAssets.reduce((sum, a) => sum + a.valuationFen!, 0n),
        status: pledgeStatus,
        createdAt: date(approvedMs!),
        updatedAt: date(pledgeUpdatedMs),
      });
      const live = pledgeStatus === 'pending_registration' || pledgeStatus === 'registered';
      for (const a of pledgeAssets) {
        rows.pledgeAssets.push({ pledgeId, ipAssetId: a.id });
        if (live) {
          a.status = 'pledged';
          a.updatedAt = date(approvedMs!);
        } else {
          a.updatedAt = date(pledgeUpdatedMs);
        }
      }
    }

    // ---- the need behind it
    let mode = spec.need ?? 'auto';
    if (mode === 'auto') {
      const p = needRng.next();
      switch (spec.status) {
        case 'disbursed':
          mode = p < 0.3 ? 'fulfilled' : 'none';
          break;
        case 'submitted':
        case 'accepted':
        case 'approved':
          mode = p < 0.45 ? 'matched' : 'none';
          break;
        case 'rejected':
          mode = p < 0.25 ? (day >= '2026-09-01' ? 'open' : 'expired') : 'none';
          break;
        case 'withdrawn':
          mode = p < 0.3 ? 'withdrawn' : 'none';
          break;
      }
    }
    if (mode !== 'none') {
      const needStatus = mode as NeedStatus;
      const needId = seedUuid('need', `app:${seq}`);
      const needCreatedMs = spec.needCreatedMs ?? roundToMinute(maxMs(ent.verifiedMs! + 2 * HOUR, submittedMs - (2 + needRng.next() * 20) * 24 * HOUR));
      const needAmountWan = spec.needAmountWan ?? Math.max(100, needRng.chance(0.7) ? amountWan : Math.ceil(amountWan / 50) * 50 + 50);
      const guarantee = [...new Set<GuaranteeMethod>([...t.guarantee, ...(needRng.chance(0.3) ? (['credit'] as const) : [])])];
      const priceCeiling = ceilingRate(ctx, prod, day);
      const shape: NeedShape = {
        amountWan: needAmountWan,
        termMonths,
        guarantee,
        maxRateBp: needRng.chance(0.4) ? null : Math.max(approvedRate ?? 0, priceCeiling - needRng.int(0, 4) * 10),
      };
      const purpose = purposeFor(needRng, t.category);
      // Who brought need and product together.
      let source: MatchSource = needRng.weighted([
        ['engine', 45],
        ['institution', 30],
        ['enterprise', 25],
      ] as const);
      let matchMs = needCreatedMs + 60_000;
      if (source === 'institution') {
        const instMs = addWorkingHours(needCreatedMs, prod.inst.seed.responseHours * (0.5 + needRng.next()));
        if (instMs < submittedMs - HOUR) matchMs = instMs;
        else source = 'engine';
      } else if (source === 'enterprise') matchMs = submittedMs - 10 * 60_000;
      // The first thing an institution did about the need: showed interest, or acted on the application.
      const firstInstitutionMs = source === 'institution' ? matchMs : firstActionMs;
      const endMs =
        needStatus === 'fulfilled'
          ? disbursedMs!
          : needStatus === 'withdrawn'
            ? (stepAt('withdrawn') ?? submittedMs)
            : needStatus === 'matched'
              ? submittedMs
              : needStatus === 'expired'
                ? at(addDays(dateOf(needCreatedMs), 91), 0, 5)
                : (rejectedMs ?? submittedMs);
      const ipLinks = t.guarantee.includes('pledge')
        ? pledgeAssets.length
          ? pledgeAssets
          : ent.ip.filter((a) => pledgeable(a, day, maturityGuess, lockedAssets)).slice(0, 2)
        : [];
      rows.financingNeeds.push({
        id: needId,
        enterpriseId: ent.id,
        amountFen: wan(needAmountWan),
        termMonths,
        purpose,
        guaranteeMethods: guarantee,
        maxRateBp: shape.maxRateBp,
        wantedBy: addDays(dateOf(needCreatedMs), needStatus === 'expired' ? 90 : needRng.int(30, 90)),
        description: needDescription(needRng, purpose, ipLinks.length),
        status: needStatus,
        firstInstitutionActionAt: firstInstitutionMs != null ? date(firstInstitutionMs) : null,
        createdAt: date(needCreatedMs),
        updatedAt: date(minMs(endMs, DEMO_NOW - HOUR)),
      });
      ent.needs++;
      if (needStatus === 'open') ent.openNeeds++;
      for (const a of ipLinks) rows.needIpAssets.push({ needId, ipAssetId: a.id });
      addMatch(ctx, matchSeen, {
        needId,
        ent,
        prod,
        need: shape,
        day: dateOf(needCreatedMs),
        source,
        status: 'applied',
        createdMs: matchMs,
        updatedMs: submittedMs,
        createdBy: source === 'engine' ? null : source === 'institution' ? prod.inst.userId : ent.ownerId,
      });
      // The engine's other suggestions for the same need.
      const others = ctx.published.filter((p) => p.id !== prod.id && fits(ctx, ent, p, shape, dateOf(needCreatedMs)));
      for (const other of needRng.shuffle(others).slice(0, needRng.int(0, 2))) {
        addMatch(ctx, matchSeen, {
          needId,
          ent,
          prod: other,
          need: shape,
          day: dateOf(needCreatedMs),
          source: 'engine',
          status: needStatus === 'open' || needStatus === 'matched' ? 'suggested' : 'declined',
          createdMs: needCreatedMs + 60_000,
          updatedMs: needStatus === 'open' || needStatus === 'matched' ? needCreatedMs + 60_000 : endMs,
          createdBy: null,
        });
      }
      rows.applications[rows.applications.length - 1].needId = needId;
    }
    return;
  }
  throw new Error(`seed: could not place application ${JSON.stringify(spec)}`);
}

function loanEndDay(ctx: Ctx, loanId: string): string {
  const loan = ctx.rows.loans.find((l) => l.id === loanId)!;
  return loan.maturesOn;
}

interface LoanArgs {
  loanId: string;
  appId: string;
  ent: Ent;
  prod: Prod;
  principal: bigint;
  rate: number;
  termMonths: number;
  repayment: RepaymentMethodSeed;
  disbursedMs: number;
  special?: 'compensated' | 'defaulted' | 'overdue';
}

function buildLoan(ctx: Ctx, a: LoanArgs): void {
  const disbursedOn = dateOf(a.disbursedMs);
  const maturesOn = addMonths(disbursedOn, a.termMonths);
  // Instalments due before today are paid (today's are recorded later in the day, after the demo's "now").
  const due = monthsBetween(disbursedOn, addDays(DEMO_TODAY, -1));
  let paidMonths = Math.min(due, a.termMonths);
  let status: LoanStatus = paidMonths >= a.termMonths ? 'repaid' : 'active';
  let defaultedOn: string | undefined;
  if (a.special === 'overdue') {
    paidMonths = Math.max(1, due - 2);
    status = 'overdue';
  } else if (a.special === 'defaulted') {
    paidMonths = 12;
    status = 'defaulted';
    defaultedOn = addMonths(disbursedOn, 15);
  } else if (a.special === 'compensated') {
    paidMonths = 9;
    status = 'compensated';
    defaultedOn = addMonths(disbursedOn, 12);
  }
  const r = a.rate / 10_000 / 12;
  const n = a.termMonths;
  const P = Number(a.principal);
  const annuity = (P * r) / (1 - (1 + r) ** -n);
  let out = P;
  let lastPaid = disbursedOn;
  let sinceInterest = 0;
  for (let i = 1; i <= paidMonths; i++) {
    const paidOn = addMonths(disbursedOn, i);
    const interest = Math.round(out * r);
    let principal = 0;
    let interestDue = interest;
    switch (a.repayment) {
      case 'equal_installment':
        principal = i === n ? out : Math.min(out, Math.round(annuity) - interest);
        break;
      case 'equal_principal':
        principal = i === n ? out : Math.min(out, Math.round(P / n));
        break;
      case 'interest_first':
        principal = i === n ? out : 0;
        break;
      case 'bullet':
        sinceInterest += interest;
        interestDue = i % 3 === 0 || i === n ? sinceInterest : 0;
        if (interestDue > 0) sinceInterest = 0;
        principal = i === n ? out : 0;
        break;
    }
    if (principal === 0 && interestDue === 0) continue;
    out -= principal;
    lastPaid = paidOn;
    ctx.rows.loanRepayments.push({
      id: seedUuid('repayment', `${a.loanId}:${i}`),
      loanId: a.loanId,
      paidOn,
      principalFen: BigInt(principal),
      interestFen: BigInt(interestDue),
      recordedBy: a.prod.inst.userId,
      createdAt: date(at(paidOn, 16, 30)),
    });
  }
  const outstanding = BigInt(out);
  if (status === 'repaid' && outstanding !== 0n) throw new Error('seed: repaid loan with outstanding principal');
  const updatedDay = status === 'compensated' ? '2026-06-10' : status === 'defaulted' ? defaultedOn! : status === 'overdue' ? addMonths(lastPaid, 1) : lastPaid;
  ctx.rows.loans.push({
    id: a.loanId,
    applicationId: a.appId,
    enterpriseId: a.ent.id,
    institutionId: a.prod.inst.id,
    productId: a.prod.id,
    principalFen: a.principal,
    annualRateBp: a.rate,
    termMonths: a.termMonths,
    repaymentMethod: a.repayment,
    disbursedOn,
    maturesOn,
    disbursedAt: date(a.disbursedMs),
    status,
    outstandingFen: outstanding,
    createdAt: date(a.disbursedMs),
    updatedAt: date(minMs(maxMs(a.disbursedMs, at(updatedDay, 17, 0)), DEMO_NOW - HOUR)),
  });
  ctx.loanMeta.push({
    loanId: a.loanId,
    appId: a.appId,
    ent: a.ent,
    prod: a.prod,
    principal: a.principal,
    outstanding,
    status,
    disbursedMs: a.disbursedMs,
    defaultedOn,
  });
  // Loans of scheme products are enrolled (报项目) in the disbursement's transaction, as the app does
  // (DESIGN §4: enrolment happens at disbursement; the scheme figures count loans by enrolment).
  if (a.prod.schemeCode) {
    const enrolmentId = seedUuid('enrolment', a.loanId);
    const enrolledMs = a.disbursedMs;
    ctx.rows.schemeEnrolments.push({
      id: enrolmentId,
      schemeId: ctx.schemeIds.get(a.prod.schemeCode)!,
      loanId: a.loanId,
      enrolledAt: date(enrolledMs),
      enrolledBy: a.prod.inst.userId,
    });
    ctx.enrolmentsByLoan.set(a.loanId, { id: enrolmentId, schemeCode: a.prod.schemeCode });
  }
}
