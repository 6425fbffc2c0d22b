import { describe, expect, it } from 'vitest';
import type { AppError } from '../core/errors';
import { assertEnterpriseScope, assertInstitutionScope, assertRole, homeFor, type Actor } from './actor';

const sme: Actor = { userId: 'u1', role: 'enterprise', name: 'a', email: 'a@x', enterpriseId: 'e1', institutionId: null, memberRole: 'owner' };
const bank: Actor = { userId: 'u2', role: 'institution', name: 'b', email: 'b@x', enterpriseId: null, institutionId: 'i1', memberRole: 'officer' };
const admin: Actor = { userId: 'u3', role: 'admin', name: 'c', email: 'c@x', enterpriseId: null, institutionId: null, memberRole: null };

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    return (e as AppError).code;
  }
}

describe('organisation scoping', () => {
  it('lets an enterprise see its own records and answers not_found for another enterprise', () => {
    expect(codeOf(() => assertEnterpriseScope(sme, 'e1'))).toBeUndefined();
    expect(codeOf(() => assertEnterpriseScope(sme, 'e2'))).toBe('not_found');
    expect(codeOf(() => assertEnterpriseScope(bank, 'e1'))).toBe('not_found');
  });

  it('lets an institution act only for itself', () => {
    expect(codeOf(() => assertInstitutionScope(bank, 'i1'))).toBeUndefined();
    expect(codeOf(() => assertInstitutionScope(bank, 'i2'))).toBe('not_found');
    expect(codeOf(() => assertInstitutionScope(sme, 'i1'))).toBe('not_found');
  });

  it('lets admins through only where the caller allows it', () => {
    expect(codeOf(() => assertInstitutionScope(admin, 'i1'))).toBe('not_found');
    expect(codeOf(() => assertInstitutionScope(admin, 'i1', { admin: true }))).toBeUndefined();
  });

  it('checks roles and sends each role home', () => {
    expect(codeOf(() => assertRole(sme, 'admin'))).toBe('forbidden');
    expect(codeOf(() => assertRole(admin, 'admin'))).toBeUndefined();
    expect([homeFor('enterprise'), homeFor('institution'), homeFor('admin')]).toEqual(['/enterprise', '/institution', '/admin']);
  });
});
