// Admin verification (核验) of enterprises and their certifications: verify, reject with a reason,
// reopen a rejected one, revoke a verified one. Every decision goes through the machine with a row
// lock and an audit row, records who decided and when, and tells the enterprise.
import type { Db } from '../../db/client';
import { notifyEnterprise } from '../../db/queries/notifications';
import { certifications, enterprises, type Enterprise } from '../../db/schema';
import { applyTransition } from '../machines/engine';
import { assertRole, type Actor } from '../auth/actor';
import { AppError } from '../core/errors';
import { zh } from '../i18n/zh';
import {
  certificationVerificationMachine,
  enterpriseVerificationMachine,
  type CertificationVerificationAction,
  type EnterpriseVerificationAction,
} from '../machines/verification';
import { REASON_MAX, REASON_REQUIRED } from '../validation/verification';

type Certification = typeof certifications.$inferSelect;
type VerificationStatus = Enterprise['verificationStatus'];
type Action = EnterpriseVerificationAction & CertificationVerificationAction;

/** The note to store; refuses a missing reason where the enterprise must be told why. */
function noteFor(action: Action, reason: string | null | undefined): string | null {
  const note = (reason ?? '').trim();
  if (REASON_REQUIRED.includes(action) && note === '') throw new AppError('invalid', 'verify.reason_required', { field: 'reason' });
  if (note.length > REASON_MAX) throw new AppError('invalid', 'too_long', { field: 'reason' });
  return note === '' ? null : note;
}

/** Who decided and when; reopening puts the record back undecided. */
function decisionColumns(actor: Actor, action: Action, note: string | null) {
  const decided = action !== 'reopen';
  return { verificationNote: note, verifiedAt: decided ? new Date() : null, verifiedBy: decided ? actor.userId : null };
}

const withNote = (text: string, note: string | null) => (note ? `${text}备注：${note}` : text);

function enterpriseNotice(action: Action, note: string | null): { title: string; body: string } {
  switch (action) {
    case 'verify':
      return { title: '企业认证已通过园区管理员核验', body: withNote('贵企业的登记信息已核验通过。', note) };
    case 'reject':
      return { title: `企业认证未通过核验：${note}`, body: '请对照营业执照核对企业信息，修改后联系园区管理员重新核验。' };
    case 'revoke':
      return { title: `企业认证已被撤销：${note}`, body: '如有异议，请联系园区科技金融服务中心。' };
    case 'reopen':
      return { title: '企业认证已重新进入核验队列', body: withNote('园区管理员将重新核验贵企业的信息。', note) };
  }
}

function certificationNotice(action: Action, c: Certification, note: string | null): { title: string; body: string } {
  const what = `${zh.certifications[c.kind]}（${c.number}）`;
  switch (action) {
    case 'verify':
      return { title: `资质认证已通过核验：${what}`, body: withNote('该资质将计入产品准入与匹配。', note) };
    case 'reject':
      return { title: `资质认证未通过核验：${what}，理由：${note}`, body: '该资质不计入产品准入与匹配，请核对证书信息后重新提交。' };
    case 'revoke':
      return { title: `资质认证已被撤销：${what}，理由：${note}`, body: '该资质不再计入产品准入与匹配。' };
    case 'reopen':
      return { title: `资质认证已重新进入核验队列：${what}`, body: withNote('园区管理员将重新核验该资质。', note) };
  }
}

export async function decideEnterprise(
  db: Db,
  actor: Actor,
  enterpriseId: string,
  action: EnterpriseVerificationAction,
  reason?: string | null,
  requestId?: string | null,
): Promise<Enterprise> {
  assertRole(actor, 'admin');
  const note = noteFor(action, reason);
  return applyTransition<VerificationStatus, EnterpriseVerificationAction, Enterprise>(db, {
    machine: enterpriseVerificationMachine,
    table: enterprises,
    state: { column: enterprises.verificationStatus, key: 'verificationStatus' },
    id: enterpriseId,
    action,
    actor,
    requestId,
    changes: () => decisionColumns(actor, action, note),
    after: (tx, _before, after) =>
      notifyEnterprise(tx, after.id, {
        kind: `enterprise.${action}`,
        ...enterpriseNotice(action, note),
        link: '/enterprise',
        entity: 'enterprise',
        entityId: after.id,
      }),
  });
}

export async function decideCertification(
  db: Db,
  actor: Actor,
  certificationId: string,
  action: CertificationVerificationAction,
  reason?: string | null,
  requestId?: string | null,
): Promise<Certification> {
  assertRole(actor, 'admin');
  const note = noteFor(action, reason);
  return applyTransition<VerificationStatus, CertificationVerificationAction, Certification>(db, {
    machine: certificationVerificationMachine,
    table: certifications,
    state: { column: certifications.verificationStatus, key: 'verificationStatus' },
    id: certificationId,
    action,
    actor,
    requestId,
    changes: () => decisionColumns(actor, action, note),
    after: (tx, _before, after) =>
      notifyEnterprise(tx, after.enterpriseId, {
        kind: `certification.${action}`,
        ...certificationNotice(action, after, note),
        link: '/enterprise',
        entity: 'certification',
        entityId: after.id,
      }),
  });
}
