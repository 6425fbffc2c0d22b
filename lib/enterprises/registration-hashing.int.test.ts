// The public paths that hash a password (argon2: ~19 MiB and tens of ms each) refuse what they can
// before hashing: a stranger must not be able to make the server hash without end.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { parks, registrationAttempts } from '../../db/schema';
import { openTestDb } from '../../db/testing';
import { hashPassword } from '../auth/password';
import { setPasswordWithToken } from './profile';
import { registerEnterprise, registerInstitution } from './registration';
import { enterpriseRegistrationForm, institutionRegistrationForm, refusalOf } from './registration-testing';
import { withUsccCheckChar } from './uscc';

// Every hash the paths ask for is counted (they take the hash function for this).
const hashed = { n: 0 };
const hash = (password: string) => {
  hashed.n++;
  return hashPassword(password);
};

let h: DbHandle;
let parkId: number;
beforeAll(async () => {
  h = await openTestDb();
  const [p] = await h.db.insert(parks).values({ code: 'nanhai', name: '南海园', nameEn: 'Nanhai Park', districtCode: '440605' }).returning();
  parkId = p.id;
});
afterAll(async () => h?.close());

const CODE = withUsccCheckChar('91440605MA4HAXH01');
const enterprise = (over: Record<string, unknown> = {}) =>
  enterpriseRegistrationForm(parkId, { uscc: CODE, name: '佛山市南海区散列测试有限公司', email: 'hash-owner@example.com', ...over });
const institution = (over: Record<string, unknown> = {}) =>
  institutionRegistrationForm({ uscc: withUsccCheckChar('91440600MA4HAXH02'), name: '散列测试银行', email: 'hash-bank@example.com', ...over });
const keyOf = async (p: Promise<unknown>) => (await refusalOf(p))?.key ?? null;

describe('refused before the password is hashed', () => {
  it('a taken email or credit code (of either kind of organisation), an address over its limit, a made-up set-password link', async () => {
    await registerEnterprise(h.db, enterprise(), { ip: '198.51.100.1', hash });
    expect(hashed.n).toBe(1);
    const refused = [
      await keyOf(registerEnterprise(h.db, enterprise({ uscc: withUsccCheckChar('91440605MA4HAXH03') }), { ip: '198.51.100.2', hash })),
      await keyOf(registerEnterprise(h.db, enterprise({ email: 'someone-else@example.com' }), { ip: '198.51.100.3', hash })),
      await keyOf(registerInstitution(h.db, institution({ uscc: CODE }), { ip: '198.51.100.4', hash })),
      await keyOf(registerInstitution(h.db, institution({ email: 'hash-owner@example.com' }), { ip: '198.51.100.5', hash })),
    ];
    expect(refused).toEqual(['email_taken', 'uscc_taken', 'uscc_taken_other_org', 'email_taken']);
    const ip = '198.51.100.6';
    await h.db.insert(registrationAttempts).values(Array.from({ length: 5 }, () => ({ ip, at: sql`now()` as unknown as Date })));
    expect(await keyOf(registerInstitution(h.db, institution(), { ip, limit: 5, hash }))).toBe('registration_limited');
    expect(await keyOf(setPasswordWithToken(h.db, 'made-up-token', 'a-new-password-1', hash))).toBe('profile.errors.token');
    expect(hashed.n).toBe(1);
    // What passes the early checks is hashed once and registered.
    expect(await keyOf(registerInstitution(h.db, institution(), { ip: '198.51.100.7', hash }))).toBeNull();
    expect(hashed.n).toBe(2);
  });
});
