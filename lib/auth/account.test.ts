import { describe, expect, it } from 'vitest';
import { actorForAction, actorForPage, landingFor, organisationActive, signedInAccount } from './account';
import type { AccountRow } from '../../db/queries/users';

const base: AccountRow = {
  id: 'u1',
  name: '周敏',
  email: 'officer@bank.cn',
  role: 'institution',
  enterpriseId: null,
  institutionId: 'i1',
  memberRole: 'officer',
  status: 'active',
  sessionVersion: 3,
  institutionName: '测试银行',
  institutionStatus: 'active',
  institutionNote: null,
  enterpriseName: null,
  enterpriseVerification: null,
  enterpriseNote: null,
  unread: 0,
};
const sme: AccountRow = {
  ...base,
  id: 'u2',
  role: 'enterprise',
  institutionId: null,
  enterpriseId: 'e1',
  memberRole: 'owner',
  institutionName: null,
  institutionStatus: null,
  enterpriseName: '测试科技',
  enterpriseVerification: 'unverified',
};
const admin: AccountRow = { ...base, id: 'u3', role: 'admin', institutionId: null, memberRole: null, institutionName: null, institutionStatus: null };

describe('organisation standing', () => {
  it('lets only an active institution’s users act', () => {
    expect(organisationActive({ kind: 'institution', id: 'i1', name: 'x', status: 'active', note: null })).toBe(true);
    expect(organisationActive({ kind: 'institution', id: 'i1', name: 'x', status: 'pending', note: null })).toBe(false);
    expect(organisationActive({ kind: 'institution', id: 'i1', name: 'x', status: 'suspended', note: null })).toBe(false);
    expect(organisationActive({ kind: 'institution', id: 'i1', name: 'x', status: 'rejected', note: '材料不全' })).toBe(false);
  });

  it('lets an enterprise act until an admin rejects its verification', () => {
    expect(organisationActive({ kind: 'enterprise', id: 'e1', name: 'x', status: 'unverified', note: null })).toBe(true);
    expect(organisationActive({ kind: 'enterprise', id: 'e1', name: 'x', status: 'verified', note: null })).toBe(true);
    expect(organisationActive({ kind: 'enterprise', id: 'e1', name: 'x', status: 'rejected', note: '执照不符' })).toBe(false);
    expect(organisationActive(null)).toBe(true); // admins belong to none
  });
});

describe('the signed-in account, from one row', () => {
  it('is the actor with its organisation and whether it may act', () => {
    expect(signedInAccount(base, 3)).toEqual({
      actor: { userId: 'u1', role: 'institution', name: '周敏', email: 'officer@bank.cn', enterpriseId: null, institutionId: 'i1', memberRole: 'officer' },
      organisation: { kind: 'institution', id: 'i1', name: '测试银行', status: 'active', note: null },
      active: true,
    });
    expect(signedInAccount({ ...base, institutionStatus: 'suspended' }, 3)).toMatchObject({ active: false, organisation: { status: 'suspended' } });
    expect(signedInAccount({ ...base, institutionStatus: 'rejected', institutionNote: '资质材料不全' }, 3)).toMatchObject({
      active: false,
      organisation: { status: 'rejected', note: '资质材料不全' },
    });
    expect(signedInAccount({ ...sme, enterpriseVerification: 'rejected', enterpriseNote: '执照不符' }, 3)).toMatchObject({
      active: false,
      organisation: { kind: 'enterprise', id: 'e1', name: '测试科技', status: 'rejected', note: '执照不符' },
    });
    expect(signedInAccount(admin, 3)).toMatchObject({ active: true, organisation: null, actor: { role: 'admin' } });
  });

  it('is nobody when the user is gone or disabled', () => {
    expect(signedInAccount(null, 3)).toBeNull();
    expect(signedInAccount({ ...base, status: 'disabled' }, 3)).toBeNull();
  });

  it('is nobody when the session was issued before the user’s sessions were ended (password set, disabled, signed out everywhere)', () => {
    expect(signedInAccount(base, 2)).toBeNull();
    expect(signedInAccount(base, 4)).toBeNull();
    // A session from before versions existed carries none.
    expect(signedInAccount(base, undefined)).toBeNull();
    expect(signedInAccount({ ...base, sessionVersion: 0 }, undefined)).toBeNull();
    expect(signedInAccount({ ...base, sessionVersion: 0 }, 0)).not.toBeNull();
  });
});

describe('the gates pages and actions go through', () => {
  const active = signedInAccount(base, 3);
  const suspended = signedInAccount({ ...base, institutionStatus: 'suspended' }, 3);
  const pending = signedInAccount({ ...base, institutionStatus: 'pending' }, 3);
  const rejected = signedInAccount({ ...sme, enterpriseVerification: 'rejected' }, 3);
  const codeOf = (fn: () => unknown) => {
    try {
      fn();
      return 'ok';
    } catch (e) {
      return `${(e as { code: string }).code}:${(e as { messageKey: string }).messageKey}`;
    }
  };

  it('refuses actions of an inactive organisation’s users with organisation_inactive', () => {
    expect(actorForAction(active, ['institution']).userId).toBe('u1');
    expect(codeOf(() => actorForAction(suspended, ['institution']))).toBe('forbidden:organisation_inactive');
    expect(codeOf(() => actorForAction(pending, ['institution']))).toBe('forbidden:organisation_inactive');
    expect(codeOf(() => actorForAction(rejected, ['enterprise']))).toBe('forbidden:organisation_inactive');
    expect(codeOf(() => actorForAction(null, ['institution']))).toBe('unauthenticated:unauthenticated');
    expect(codeOf(() => actorForAction(active, ['admin']))).toBe('forbidden:forbidden');
  });

  it('lets a rejected enterprise withdraw what it gave (evenInactive), still only in its own role', () => {
    expect(actorForAction(rejected, ['enterprise'], true).enterpriseId).toBe(rejected!.actor.enterpriseId);
    expect(codeOf(() => actorForAction(rejected, ['institution'], true))).toBe('forbidden:forbidden');
    expect(codeOf(() => actorForAction(null, ['enterprise'], true))).toBe('unauthenticated:unauthenticated');
  });

  it('sends them from every page to the status page', () => {
    expect(actorForPage(active, ['institution'], '/institution')).toEqual({ actor: active!.actor });
    expect(actorForPage(suspended, ['institution'], '/institution/applications')).toEqual({ redirect: '/account/status' });
    expect(actorForPage(pending, ['enterprise'], '/enterprise')).toEqual({ redirect: '/account/status' });
    expect(actorForPage(rejected, ['enterprise'], '/enterprise/needs')).toEqual({ redirect: '/account/status' });
    expect(actorForPage(active, ['admin'], '/admin')).toEqual({ redirect: '/institution' });
    expect(actorForPage(null, ['admin'], '/admin/users?q=a')).toEqual({ redirect: '/login?callbackUrl=%2Fadmin%2Fusers%3Fq%3Da' });
    expect(actorForPage(null, ['admin'], '/\t/evil.example')).toEqual({ redirect: '/login' });
  });

  it('lets a rejected enterprise read its loans (evenInactive pages), still only in its own role', () => {
    expect(actorForPage(rejected, ['enterprise'], '/enterprise/loans', true)).toEqual({ actor: rejected!.actor });
    expect(actorForPage(rejected, ['institution'], '/institution/loans', true)).toEqual({ redirect: '/account/status' });
    expect(actorForPage(suspended, ['enterprise'], '/enterprise/loans', true)).toEqual({ redirect: '/account/status' });
    expect(actorForPage(null, ['enterprise'], '/enterprise/loans', true)).toEqual({ redirect: '/login?callbackUrl=%2Fenterprise%2Floans' });
  });

  it('lands them on the status page after sign-in, others where they were going or at home', () => {
    expect(landingFor(pending!, '/institution/products')).toBe('/account/status');
    expect(landingFor(rejected!, null)).toBe('/account/status');
    expect(landingFor(active!, null)).toBe('/institution');
    expect(landingFor(active!, '/institution/products')).toBe('/institution/products');
  });
});
