// The signed-in users' page cache's key source against the database: a real session token of a demo
// user gives that user's account state and the data version; the version moves with a business write
// and not with a notification, while the state moves with the unread count; and no key at all for a
// forged or ended session, a disabled user or an organisation that may not act.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { bumpSessionVersion } from '../../db/queries/users';
import { institutions, users } from '../../db/schema';
import { openTestDb } from '../../db/testing';
import { encode } from '../auth/jwt';
import { seedDemoData } from '../seed/index';
import { makePrivatePageSource } from './private-page-source';

const SECRET = 'private-page-source-test-secret-0123456789';
let h: DbHandle;

beforeAll(async () => {
  h = await openTestDb();
  await seedDemoData(h.db);
});
afterAll(async () => {
  await h?.close();
});

async function tokenFor(email: string, secret = SECRET) {
  const [u] = await h.db.select().from(users).where(eq(users.email, email));
  return {
    user: u,
    token: await encode({
      token: { sub: u.id, sv: u.sessionVersion, role: u.role, enterpriseId: u.enterpriseId, institutionId: u.institutionId, memberRole: u.memberRole },
      secret,
      maxAge: 3600,
    }),
  };
}

describe('the private page key source', () => {
  const source = () => makePrivatePageSource(async () => h.db, SECRET);

  it("gives a real session its user's state and the data version, which only data writes move", async () => {
    const { user, token } = await tokenFor('bank@kerongtong.demo');
    const first = await source()(token);
    expect(first?.userId).toBe(user.id);
    expect(first?.state).toContain(user.institutionId!);
    expect(Number.isSafeInteger(first?.version)).toBe(true);

    await h.db.execute(sql`insert into notifications (institution_id, kind) values (${user.institutionId}, 'private-page-test')`);
    const afterNotice = await source()(token);
    expect(afterNotice?.version).toBe(first?.version);
    expect(afterNotice?.state).not.toBe(first?.state);

    await h.db.execute(sql`insert into app_settings (key, value) values ('private-page-source-test', 'x')`);
    const afterWrite = await source()(token);
    expect(afterWrite?.version).toBeGreaterThan(first!.version);
    expect(afterWrite?.state).toBe(afterNotice?.state);
  });

  it('gives no key to a forged, foreign-secret or ended session, a disabled user or a suspended institution', async () => {
    expect(await source()('not-a-token')).toBeNull();
    const foreign = await tokenFor('sme@kerongtong.demo', 'another-secret-another-secret-0123');
    expect(await source()(foreign.token)).toBeNull();

    const sme = await tokenFor('sme@kerongtong.demo');
    expect((await source()(sme.token))?.userId).toBe(sme.user.id);
    await bumpSessionVersion(h.db, sme.user.id);
    expect(await source()(sme.token)).toBeNull();

    const admin = await tokenFor('admin@kerongtong.demo');
    expect(await source()(admin.token)).not.toBeNull();
    await h.db.update(users).set({ status: 'disabled' }).where(eq(users.id, admin.user.id));
    expect(await source()(admin.token)).toBeNull();

    const bank = await tokenFor('bank@kerongtong.demo');
    expect(await source()(bank.token)).not.toBeNull();
    await h.db.update(institutions).set({ status: 'suspended' }).where(eq(institutions.id, bank.user.institutionId!));
    expect(await source()(bank.token)).toBeNull();
  });
});
