// The audit trail of everything the seed did, in time order.
import { addWorkingHours, at } from './data/calendar';
import { ADMIN_ID, date, type Ctx } from './context';

// ---------------------------------------------------------------- audit trail (append-only)

export function buildAudit(ctx: Ctx): void {
  const rows = ctx.rows;
  const push = (
    ms: number,
    actor: string,
    role: string,
    org: string | null,
    action: string,
    entity: string,
    entityId: string,
    before: unknown,
    after: unknown,
  ) =>
    rows.auditEvents.push({
      actorUserId: actor,
      actorRole: role,
      organisationId: org,
      action,
      entity,
      entityId,
      before: before ?? null,
      after: after ?? null,
      requestId: `seed-${rows.auditEvents.length + 1}`,
      at: date(ms),
    });
  push(at('2025-01-02', 10, 0), ADMIN_ID, 'admin', null, 'innovation_weight_set.publish', 'innovation_weight_set', '1', null, { version: 1 });
  for (const inst of ctx.insts.values()) {
    if (inst.seed.status === 'pending') continue;
    push(
      addWorkingHours(inst.joinedMs, 6),
      ADMIN_ID,
      'admin',
      null,
      'institution.approve',
      'institution',
      inst.id,
      { status: 'pending' },
      { status: 'active' },
    );
    if (inst.seed.status === 'suspended')
      push(at('2026-09-15', 15, 20), ADMIN_ID, 'admin', null, 'institution.suspend', 'institution', inst.id, { status: 'active' }, { status: 'suspended' });
  }
  for (const ent of ctx.ents) {
    if (ent.verifiedMs == null) continue;
    push(
      ent.verifiedMs,
      ADMIN_ID,
      'admin',
      null,
      ent.verification === 'verified' ? 'enterprise.verify' : 'enterprise.reject',
      'enterprise',
      ent.id,
      { verificationStatus: 'unverified' },
      { verificationStatus: ent.verification },
    );
  }
  for (const p of ctx.prods.values()) {
    if (p.publishedMs == null) continue;
    push(p.publishedMs, p.inst.userId, 'institution', p.inst.id, 'product.publish', 'product', p.id, { status: 'draft' }, { status: 'published' });
    if (p.t.status === 'suspended')
      push(at('2026-09-15', 15, 25), ADMIN_ID, 'admin', null, 'product.suspend', 'product', p.id, { status: 'published' }, { status: 'suspended' });
    if (p.t.status === 'archived')
      push(
        at('2025-03-05', 11, 0),
        p.inst.userId,
        'institution',
        p.inst.id,
        'product.archive',
        'product',
        p.id,
        { status: 'published' },
        { status: 'archived' },
      );
  }
  for (const c of rows.schemeContributions) {
    push((c.createdAt as Date).getTime(), ADMIN_ID, 'admin', null, 'scheme.contribute', 'risk_scheme', c.schemeId, null, {
      amountFen: String(c.amountFen),
      contributedOn: c.contributedOn,
    });
  }
  for (const claim of rows.claims) {
    const loan = ctx.loanMeta.find((l) => ctx.enrolmentsByLoan.get(l.loanId)?.id === claim.enrolmentId)!;
    push((claim.filedAt as Date).getTime(), loan.prod.inst.userId, 'institution', loan.prod.inst.id, 'claim.file', 'claim', claim.id!, null, {
      status: 'filed',
      lossFen: String(claim.lossFen),
    });
    if (claim.status === 'paid') {
      push((claim.decidedAt as Date).getTime(), ADMIN_ID, 'admin', null, 'claim.approve', 'claim', claim.id!, { status: 'filed' }, { status: 'approved' });
      push(
        (claim.paidAt as Date).getTime(),
        ADMIN_ID,
        'admin',
        null,
        'claim.pay',
        'claim',
        claim.id!,
        { status: 'approved' },
        { status: 'paid', compensationFen: String(claim.compensationFen) },
      );
    }
  }
  rows.auditEvents.sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime());
  for (const [i, e] of rows.auditEvents.entries()) e.requestId = `seed-${i + 1}`;
}
