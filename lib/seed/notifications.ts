// The notifications each role finds waiting in the demo.
import { addWorkingDays, at, dateOf, DEMO_NOW, HOUR } from './data/calendar';
import { type AppStatus, toWan, date, type Ctx } from './context';

// ---------------------------------------------------------------- notifications

export function buildNotifications(ctx: Ctx): void {
  const rows = ctx.rows;
  const entById = new Map(ctx.ents.map((e) => [e.id, e]));
  const prodById = new Map([...ctx.prods.values()].map((p) => [p.id, p]));
  const appById = new Map(rows.applications.map((a) => [a.id!, a]));
  const readAfter = (ms: number, days: number) => (DEMO_NOW - ms > days * 24 * HOUR ? date(ms + 5 * HOUR) : null);
  for (const ev of rows.applicationEvents) {
    const app = appById.get(ev.applicationId)!;
    const ent = entById.get(app.enterpriseId)!;
    const prod = prodById.get(app.productId)!;
    const ms = (ev.at as Date).getTime();
    const amount = toWan(app.amountFen);
    if (ev.toStatus === 'submitted') {
      rows.notifications.push({
        institutionId: app.institutionId,
        kind: 'application.submitted',
        title: `新的融资申请：${ent.name}`,
        body: `${ent.name}申请「${prod.t.name}」${amount}万元，期限${app.termMonths}个月。`,
        entity: 'application',
        entityId: app.id,
        readAt: readAfter(ms, 3),
        createdAt: date(ms),
      });
      continue;
    }
    if (ev.toStatus === 'withdrawn') {
      rows.notifications.push({
        institutionId: app.institutionId,
        kind: 'application.withdrawn',
        title: `申请已撤回：${ent.name}`,
        body: `${ent.name}撤回了「${prod.t.name}」的申请。`,
        entity: 'application',
        entityId: app.id,
        readAt: readAfter(ms, 2),
        createdAt: date(ms),
      });
      continue;
    }
    const titles: Partial<Record<AppStatus, string>> = {
      accepted: '申请已受理',
      approved: '授信已批复',
      disbursed: '贷款已发放',
      rejected: '申请未通过',
    };
    rows.notifications.push({
      userId: ent.ownerId,
      kind: `application.${ev.toStatus}`,
      title: `${titles[ev.toStatus]}：${prod.t.name}`,
      body: `${prod.inst.seed.name}：${ev.note ?? ''}`,
      entity: 'application',
      entityId: app.id,
      readAt: readAfter(ms, ent.n === 0 ? 1 : 5),
      createdAt: date(ms),
    });
  }
  const sme = ctx.ents[0];
  const smeOpen = rows.financingNeeds.find((n) => n.enterpriseId === sme.id && n.status === 'open' && n.firstInstitutionActionAt != null)!;
  rows.notifications.push(
    {
      userId: sme.ownerId,
      kind: 'need.institution_interest',
      title: '招商银行佛山分行关注了您的融资需求',
      body: '您发布的1000万元研发投入需求与「招行科技成长贷」匹配，客户经理将与您联系。',
      entity: 'financing_need',
      entityId: smeOpen.id,
      createdAt: smeOpen.firstInstitutionActionAt as Date,
    },
    {
      userId: sme.ownerId,
      kind: 'product.recommended',
      title: '新产品推荐：工银科创积分贷',
      body: '根据您的企业创新积分，您符合「工银科创积分贷」的申请条件，园区专属额度，可享贴息。',
      entity: 'product',
      entityId: ctx.prods.get('icbc-points')!.id,
      readAt: date(at('2026-11-18', 16, 30)),
      createdAt: date(at('2026-11-17', 10, 0)),
    },
    {
      enterpriseId: sme.id,
      kind: 'certification.pending',
      title: '认证材料待审核：瞪羚企业',
      body: '您提交的瞪羚企业认定证书已进入管理员审核队列，审核通过后将计入产品匹配。',
      entity: 'enterprise',
      entityId: sme.id,
      createdAt: date(at('2026-11-18', 16, 21)),
    },
  );
  // For the admins: institutions and enterprises to verify, stale needs, claims.
  const pendingInst = ctx.insts.get('cmbc')!;
  rows.notifications.push({
    toAdmins: true,
    kind: 'institution.pending',
    title: `新机构入驻申请：${pendingInst.seed.name}`,
    body: '请核验机构资质、统一社会信用代码与联系人信息。',
    entity: 'institution',
    entityId: pendingInst.id,
    createdAt: date(pendingInst.joinedMs),
  });
  for (const ent of ctx.ents.filter((e) => e.verification === 'unverified')) {
    rows.notifications.push({
      toAdmins: true,
      kind: 'enterprise.pending',
      title: `企业认证待审核：${ent.name}`,
      body: ctx.rows.enterprises.find((r) => r.id === ent.id)!.usccCheckOverridden
        ? '企业确认统一社会信用代码与营业执照一致（校验位未通过），请人工核验。'
        : '请核验营业执照及企业基本信息。',
      entity: 'enterprise',
      entityId: ent.id,
      createdAt: date(ent.createdMs),
    });
  }
  for (const need of rows.financingNeeds) {
    if (need.status !== 'open' || need.firstInstitutionActionAt != null) continue;
    const createdMs = (need.createdAt as Date).getTime();
    const flagMs = addWorkingDays(createdMs, 3);
    if (flagMs >= DEMO_NOW) continue;
    const ent = entById.get(need.enterpriseId)!;
    rows.notifications.push({
      toAdmins: true,
      kind: 'need.stale',
      title: `融资需求超过3个工作日无机构响应：${ent.name}`,
      body: `${toWan(need.amountFen)}万元，期限${need.termMonths}个月，发布于${dateOf(createdMs)}。`,
      entity: 'financing_need',
      entityId: need.id,
      createdAt: date(flagMs),
    });
  }
  for (const claim of rows.claims) {
    const filedMs = (claim.filedAt as Date).getTime();
    rows.notifications.push({
      toAdmins: true,
      kind: claim.status === 'paid' ? 'claim.paid' : 'claim.filed',
      title: claim.status === 'paid' ? '风险补偿款已拨付' : '新的风险补偿申请待审核',
      body: `损失本金${toWan(claim.lossFen)}万元，应补偿${toWan(claim.compensationFen)}万元。`,
      entity: 'claim',
      entityId: claim.id,
      readAt: claim.status === 'paid' ? date(at('2026-06-10', 16, 0)) : null,
      createdAt: date(claim.status === 'paid' ? at('2026-06-10', 15, 0) : filedMs),
    });
  }
}
