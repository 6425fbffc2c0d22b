// What the zone administrator's pages read: the home (institutions awaiting approval, the
// verification queues' sizes, the headline figures), the institution and user lists, and the
// verification queues. Admins only.
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { listInstitutions } from '../../db/queries/institutions';
import { verificationQueueCounts } from '../../db/queries/overview';
import { listParks } from '../../db/queries/parks';
import { searchInstitutions, searchUsers } from '../../db/queries/users-admin';
import { certificationVerificationQueue, enterprisesWithCode, enterpriseVerificationQueue } from '../../db/queries/verification';
import { assertRole, type Actor } from '../auth/actor';
import { isUuid } from '../core/ids';
import { landingHeadline } from '../figures/service';
import { ADMIN_PAGE_SIZE, type institutionListQuerySchema, type userSearchQuerySchema } from '../validation/admin';
import type { VerificationQueueQuery } from '../validation/verification';

/**
 * The admins' home: institutions awaiting approval, the verification queues' counts, and the landing
 * page's headline (institutions and products live; the all-time totals from the job's snapshot, at
 * most a minute old — computing them takes seconds at province scale).
 */
export async function adminHome(db: Db, actor: Actor) {
  assertRole(actor, 'admin');
  const [pending, queue, figures] = await Promise.all([
    listInstitutions(db, { status: 'pending', limit: 50 }),
    verificationQueueCounts(db),
    landingHeadline(db),
  ]);
  return { pending, queue, figures };
}

const pageOf = (page: number) => ({ limit: ADMIN_PAGE_SIZE, offset: (page - 1) * ADMIN_PAGE_SIZE });

/** One page of institutions, by status and part of the name. */
export async function institutionList(db: Db, actor: Actor, query: z.output<typeof institutionListQuerySchema>) {
  assertRole(actor, 'admin');
  return searchInstitutions(db, { status: query.status, q: query.q, ...pageOf(query.page) });
}

/** One page of users; `org` is an organisation's id or part of its name. */
export async function userList(db: Db, actor: Actor, query: z.output<typeof userSearchQuerySchema>) {
  assertRole(actor, 'admin');
  const org = query.org;
  return searchUsers(db, {
    q: query.q,
    role: query.role,
    status: query.status,
    organisationId: org && isUuid(org) ? org.toLowerCase() : undefined,
    organisationName: org && !isUuid(org) ? org : undefined,
    ...pageOf(query.page),
  });
}

/** A page of each verification queue (enterprises `ep`, certifications `cp`), and the parks to flag a credit code from outside the zone. */
export async function verificationQueues(db: Db, actor: Actor, query: VerificationQueueQuery, pageSize: number) {
  assertRole(actor, 'admin');
  const [enterprises, certifications, parks] = await Promise.all([
    enterpriseVerificationQueue(db, { limit: pageSize, offset: (query.ep - 1) * pageSize }),
    certificationVerificationQueue(db, { limit: pageSize, offset: (query.cp - 1) * pageSize }),
    listParks(db),
  ]);
  return { enterprises, certifications, parks };
}

/** The service centre's lookup: who holds a credit code, or held it until it was released. */
export async function enterprisesByCode(db: Db, actor: Actor, code: string) {
  assertRole(actor, 'admin');
  return enterprisesWithCode(db, code);
}
