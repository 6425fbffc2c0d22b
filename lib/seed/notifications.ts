// The notifications each role finds waiting in the demo: kinds and parameters, as the app writes them
// (lib/notifications), so they read in the reader's language.
import { noticeRow } from '../notifications/notify';
import { addWorkingDays, at, dateOf, DEMO_NOW, HOUR } from './data/calendar';
import { type AppStatus, date, type Ctx } from './context';

// ---------------------------------------------------------------- notifications

/** The application's action that led to this status (materials_requested → request_materials, …). */
const ACTION_TO: Record<Exclude<AppStatus, 'submitted'>, 'accept' | 'approve' | 'disburse' | 'reject' | 'withdraw' | 'request_materials'> = {
  accepted: 'accept',
  approved: 'approve',
  disbursed: 'disburse',
  rejected: 'reject',
  withdrawn: 'withdraw',
  materials_requested: 'request_materials',
};

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
    const about = { entity: 'application', entityId: app.id! };
    const params = { applicationId: app.id!, product: prod.t.name };
    if (ev.toStatus === 'submitted') {
      const first = ev.fromStatus == null;
      rows.notifications.push({
        institutionId: app.institutionId,
        ...noticeRow(
          first
            ? { kind: 'application.submitted', params: { ...params, amountFen: app.amountFen, termMonths: app.termMonths }, ...about }
            : { kind: 'application.resubmit', params, ...about },
        ),
        readAt: readAfter(ms, 3),
        createdAt: date(ms),
      });
      continue;
    }
    const action = ACTION_TO[ev.toStatus];
    if (action === 'withdraw') {
      rows.notifications.push({
        institutionId: app.institutionId,
        ...noticeRow({ kind: 'application.withdraw', params, ...about }),
        readAt: readAfter(ms, 2),
        createdAt: date(ms),
      });
      continue;
    }
    rows.notifications.push({
      userId: ent.ownerId,
      ...noticeRow(
        action === 'reject' || action === 'request_materials'
          ? { kind: `application.${action}`, params: { ...params, reason: ev.note ?? '' }, ...about }
          : { kind: `application.${action}`, params, ...about },
      ),
      readAt: readAfter(ms, ent.n === 0 ? 1 : 5),
      createdAt: date(ms),
    });
  }
  const sme = ctx.ents[0];
  const smeOpen = rows.financingNeeds.find((n) => n.enterpriseId === sme.id && n.status === 'open' && n.firstInstitutionActionAt != null)!;
  const recommended = ctx.prods.get('icbc-points')!;
  rows.notifications.push(
    {
      userId: sme.ownerId,
      ...noticeRow({
        kind: 'match.interest',
        params: { needId: smeOpen.id!, institution: ctx.insts.get('cmb')!.seed.name, enterprise: sme.name },
        entity: 'financing_need',
        entityId: smeOpen.id!,
      }),
      createdAt: smeOpen.firstInstitutionActionAt as Date,
    },
    {
      userId: sme.ownerId,
      ...noticeRow({
        kind: 'product.recommended',
        params: { productId: recommended.id, product: recommended.t.name },
        entity: 'product',
        entityId: recommended.id,
      }),
      readAt: date(at('2026-11-18', 16, 30)),
      createdAt: date(at('2026-11-17', 10, 0)),
    },
  );
  const pendingCert = rows.certifications.find((c) => c.enterpriseId === sme.id && c.verificationStatus === 'unverified');
  if (pendingCert)
    rows.notifications.push({
      enterpriseId: sme.id,
      ...noticeRow({
        kind: 'certification.pending',
        params: { certKind: pendingCert.kind, number: pendingCert.number },
        entity: 'enterprise',
        entityId: sme.id,
      }),
      createdAt: date(at('2026-11-18', 16, 21)),
    });
  // For the admins: institutions and enterprises to verify, stale needs, claims.
  const pendingInst = ctx.insts.get('cmbc')!;
  rows.notifications.push({
    toAdmins: true,
    ...noticeRow({ kind: 'institution.registered', params: { institution: pendingInst.seed.name }, entity: 'institution', entityId: pendingInst.id }),
    createdAt: date(pendingInst.joinedMs),
  });
  for (const ent of ctx.ents.filter((e) => e.verification === 'unverified')) {
    const checkFailed = ctx.rows.enterprises.find((r) => r.id === ent.id)!.usccCheckOverridden === true;
    rows.notifications.push({
      toAdmins: true,
      ...noticeRow({
        kind: checkFailed ? 'enterprise.registered_uscc_override' : 'enterprise.registered',
        params: { enterprise: ent.name, checkFailed, outsideZone: false },
        entity: 'enterprise',
        entityId: ent.id,
      }),
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
      ...noticeRow({
        kind: 'need.stale',
        params: { enterprise: ent.name, amountFen: need.amountFen, termMonths: need.termMonths, postedOn: dateOf(createdMs) },
        entity: 'financing_need',
        entityId: need.id!,
      }),
      createdAt: date(flagMs),
    });
  }
  for (const claim of rows.claims) {
    const loan = ctx.loanMeta.find((l) => ctx.enrolmentsByLoan.get(l.loanId)?.id === claim.enrolmentId)!;
    const scheme = rows.riskSchemes.find((r) => r.code === ctx.enrolmentsByLoan.get(loan.loanId)!.schemeCode)!;
    const about = { entity: 'claim', entityId: claim.id! };
    const paid = claim.status === 'paid';
    rows.notifications.push({
      toAdmins: true,
      ...noticeRow({ kind: 'claim.filed', params: { scheme: scheme.name, lossFen: claim.lossFen, compensationFen: claim.compensationFen }, ...about }),
      readAt: paid ? date(at('2026-05-20', 11, 0)) : null,
      createdAt: claim.filedAt as Date,
    });
    if (paid)
      rows.notifications.push({
        institutionId: loan.prod.inst.id,
        ...noticeRow({
          kind: 'claim.paid',
          params: { loanId: loan.loanId, scheme: scheme.name, paidFen: claim.compensationFen, approvedFen: claim.compensationFen },
          ...about,
        }),
        readAt: date(at('2026-06-10', 16, 0)),
        createdAt: claim.paidAt as Date,
      });
  }
}
