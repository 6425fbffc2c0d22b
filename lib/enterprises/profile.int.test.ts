import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { auditEvents, certifications, enterprises, notifications, parks, users } from '../../db/schema';
import { openTestDb } from '../../db/testing';
import type { Actor } from '../auth/actor';
import { authenticate } from '../auth/sign-in';
import { addCertification, inviteColleague, removeCertification, setPasswordWithToken, updateProfile } from './profile';
import { withUsccCheckChar } from './uscc';
import { certificationFormSchema, inviteFormSchema, profileFormSchema, profileToForm } from '../validation/profile';

let h: DbHandle;
let owner: Actor;
let other: Actor;

async function enterprise(n: string, park: number): Promise<Actor> {
  const [e] = await h.db
    .insert(enterprises)
    .values({
      uscc: withUsccCheckChar(`91440605MA4Q${n.padStart(5, '0')}`),
      name: `企业${n}`,
      parkId: park,
      industry: 'C',
      foundedOn: '2018-01-01',
      registeredCapitalFen: 1n,
      employees: 10,
      revenueFen: 1n,
      rndExpenseFen: 1n,
    })
    .returning();
  const [u] = await h.db
    .insert(users)
    .values({ name: `owner${n}`, email: `owner${n}@x.cn`, passwordHash: 'x', role: 'enterprise', enterpriseId: e.id, memberRole: 'owner' })
    .returning();
  return { userId: u.id, role: 'enterprise', name: u.name, email: u.email, enterpriseId: e.id, institutionId: null, memberRole: 'owner' };
}

beforeAll(async () => {
  h = await openTestDb();
  const [p] = await h.db.insert(parks).values({ code: 'nanhai', name: '南海园', nameEn: 'Nanhai', districtCode: '440605' }).returning();
  owner = await enterprise('1', p.id);
  other = await enterprise('2', p.id);
});
afterAll(async () => h?.close());

describe('enterprise profile', () => {
  it('updates the profile in fen and audits before and after', async () => {
    const [e] = await h.db.select().from(enterprises).where(eq(enterprises.id, owner.enterpriseId!));
    const after = await updateProfile(
      h.db,
      owner,
      profileFormSchema.parse({ ...profileToForm(e), registeredCapitalWan: '500', revenueWan: '6800', rndExpenseWan: '420.5', employees: '120' }),
    );
    expect(after).toMatchObject({ revenueFen: 6_800_000_000n, rndExpenseFen: 420_500_000n, employees: 120 });
    const [audit] = await h.db.select().from(auditEvents).where(eq(auditEvents.action, 'enterprise.update_profile'));
    expect((audit.before as { employees: number }).employees).toBe(10);
    expect((audit.after as { revenueFen: string }).revenueFen).toBe('6800000000');
  });

  it('keeps a verified enterprise’s licence name and founding date: changing them is refused, other fields save', async () => {
    await h.db.update(enterprises).set({ verificationStatus: 'verified' }).where(eq(enterprises.id, other.enterpriseId!));
    const [e] = await h.db.select().from(enterprises).where(eq(enterprises.id, other.enterpriseId!));
    const form = (over: Record<string, string>) =>
      profileFormSchema.parse({ ...profileToForm(e), registeredCapitalWan: '500', revenueWan: '6800', rndExpenseWan: '420.5', ...over });
    await expect(updateProfile(h.db, other, form({ name: '佛山市南海区冒名科技有限公司' }))).rejects.toMatchObject({
      code: 'invalid',
      messageKey: 'profile.errors.verified_identity',
      details: { field: 'name' },
    });
    await expect(updateProfile(h.db, other, form({ foundedOn: '2001-01-01' }))).rejects.toMatchObject({ details: { field: 'foundedOn' } });
    const [unchanged] = await h.db.select().from(enterprises).where(eq(enterprises.id, other.enterpriseId!));
    expect([unchanged.name, unchanged.foundedOn, unchanged.verificationStatus]).toEqual([e.name, e.foundedOn, 'verified']);
    expect(await updateProfile(h.db, other, form({ employees: '77' }))).toMatchObject({ employees: 77, name: e.name });
  });

  it('adds a certification awaiting verification, tells the admins, and lets only its enterprise remove it', async () => {
    const c = await addCertification(
      h.db,
      owner,
      certificationFormSchema.parse({ kind: 'high_tech', number: 'GR202444009999', validFrom: '2024-12-01', validTo: '2027-11-30' }),
    );
    expect(c.verificationStatus).toBe('unverified');
    expect(await h.db.select().from(notifications).where(eq(notifications.entityId, c.id))).toHaveLength(1);
    await expect(removeCertification(h.db, other, c.id)).rejects.toMatchObject({ code: 'not_found' });
    // Another enterprise may claim the same number (only one can have it verified); the same
    // enterprise cannot add it twice.
    const squat = await addCertification(
      h.db,
      other,
      certificationFormSchema.parse({ kind: 'high_tech', number: 'GR202444009999', validFrom: '2024-12-01', validTo: '2027-11-30' }),
    );
    await expect(
      addCertification(
        h.db,
        owner,
        certificationFormSchema.parse({ kind: 'high_tech', number: 'GR202444009999', validFrom: '2024-12-01', validTo: '2027-11-30' }),
      ),
    ).rejects.toMatchObject({
      code: 'conflict',
      details: { field: 'number' },
    });
    await removeCertification(h.db, other, squat.id);
    await removeCertification(h.db, owner, c.id);
    expect(await h.db.select().from(certifications).where(eq(certifications.id, c.id))).toHaveLength(0);
  });

  it('invites a colleague whose one-time link sets a password exactly once, once the enterprise is verified', async () => {
    // Unverified, a self-registered stranger could take anyone's email address with invitations.
    const invite = () => inviteColleague(h.db, owner, inviteFormSchema.parse({ name: '李会计', email: 'Colleague@x.cn', memberRole: 'officer' }));
    await expect(invite()).rejects.toMatchObject({ code: 'forbidden', messageKey: 'profile.errors.invite_unverified' });
    expect(await h.db.select().from(users).where(eq(users.email, 'colleague@x.cn'))).toHaveLength(0);
    await h.db.update(enterprises).set({ verificationStatus: 'verified' }).where(eq(enterprises.id, owner.enterpriseId!));
    const { userId, token } = await inviteColleague(h.db, owner, inviteFormSchema.parse({ name: '李会计', email: 'Colleague@x.cn', memberRole: 'officer' }));
    const [u] = await h.db.select().from(users).where(eq(users.id, userId));
    expect(u).toMatchObject({ enterpriseId: owner.enterpriseId, memberRole: 'officer', email: 'colleague@x.cn' });
    expect((await authenticate(h.db, { email: 'colleague@x.cn', password: 'a-new-password-1', ip: '10.9.0.1' })).ok).toBe(false);
    await setPasswordWithToken(h.db, token, 'a-new-password-1');
    expect((await authenticate(h.db, { email: 'colleague@x.cn', password: 'a-new-password-1', ip: '10.9.0.1' })).ok).toBe(true);
    await expect(setPasswordWithToken(h.db, token, 'another-password-2')).rejects.toMatchObject({ code: 'invalid' });
  });

  it('lets only owners invite, and refuses a taken email', async () => {
    await expect(
      inviteColleague(h.db, { ...owner, memberRole: 'officer' }, inviteFormSchema.parse({ name: 'x', email: 'y@x.cn', memberRole: 'officer' })),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(inviteColleague(h.db, owner, inviteFormSchema.parse({ name: 'x', email: 'owner2@x.cn', memberRole: 'officer' }))).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});
