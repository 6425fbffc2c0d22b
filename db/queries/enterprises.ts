import { eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { jsonArray, parseJson } from './json';
import { rowsOf } from '../rows';
import { APPLICATION_STATES, LOAN_STATES, UNSETTLED_LOAN_STATES, WAITING_STATES } from '../enums';
import { sqlList } from '../sql-enums';
import type { Db } from '../client';
import { certifications, enterprises, innovationScores, parks } from '../schema';

export async function insertEnterprise(db: Db, values: typeof enterprises.$inferInsert) {
  const [e] = await db.insert(enterprises).values(values).returning();
  return e;
}

export async function findEnterpriseByUscc(db: Db, uscc: string) {
  const [e] = await db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.uscc, uscc)).limit(1);
  return e ?? null;
}

/**
 * Whether the enterprise's last verification decision revoked a verification it had (核验已撤销)
 * rather than rejecting one never given: SQL over an enterprise id (audit_events_entity_idx, one row).
 * Both leave the status `rejected`; this tells the enterprise, the admin and the lender which it was.
 */
const lastDecisionRevoked = (enterpriseId: SQL) =>
  sql<boolean>`coalesce((select a.action = 'enterprise.revoke' from audit_events a
    where a.entity = 'enterprise' and a.entity_id = ${enterpriseId}::text and a.action in ('enterprise.reject', 'enterprise.revoke')
    order by a.at desc, a.id desc limit 1), false)`;

/** An enterprise whose verification the zone revoked (status `rejected`, last decision a revocation): SQL over its status and id. */
export const verificationRevokedNow = (status: SQL | AnyColumn, enterpriseId: SQL | AnyColumn) =>
  sql<boolean>`(${status} = 'rejected' and ${lastDecisionRevoked(sql`${enterpriseId}`)})`.mapWith(Boolean);

const WAITING = sqlList(APPLICATION_STATES, WAITING_STATES);
const UNSETTLED = sqlList(LOAN_STATES, UNSETTLED_LOAN_STATES);

/** What rejecting or revoking an enterprise touches, as SQL over its id: its applications still being handled (WAITING_STATES)… */
export const openApplicationsOf = (enterpriseId: SQL | AnyColumn) =>
  sql<number>`(select count(*)::int from applications a where a.enterprise_id = ${enterpriseId} and a.status in ${WAITING})`;

/** …and its loans not yet settled (UNSETTLED_LOAN_STATES). */
export const unsettledLoansOf = (enterpriseId: SQL | AnyColumn) =>
  sql<number>`(select count(*)::int from loans l where l.enterprise_id = ${enterpriseId} and l.status in ${UNSETTLED})`;

/**
 * What the status page of an enterprise that may not act tells it, in one statement: whether the zone
 * released its credit code (migration 0024), whether its last verification decision was a revocation
 * (of a verification it had) rather than a rejection, and its loans, in all and not yet settled
 * (active, overdue or defaulted: a revoked verification does not end a loan contract), and its
 * applications still being handled (WAITING_STATES, 补充材料 included; the 20 latest), which it can no
 * longer act on.
 */
export async function inactiveEnterpriseStanding(db: Db, id: string) {
  const rows = await db.execute(sql`
    select e.uscc is null as released,
      ${verificationRevokedNow(sql`e.verification_status`, sql`e.id`)} as revoked,
      (select count(*)::int from loans l where l.enterprise_id = e.id) as loans,
      ${unsettledLoansOf(sql`e.id`)} as unsettled,
      coalesce((select json_agg(json_build_object('id', x.id, 'status', x.status, 'product', x.product, 'institution', x.institution) order by x.submitted_at desc)
        from (select a.id, a.status, a.submitted_at, p.name as product, i.name as institution
          from applications a join products p on p.id = a.product_id join institutions i on i.id = a.institution_id
          where a.enterprise_id = e.id and a.status in ${WAITING}
          order by a.submitted_at desc limit 20) x), '[]') as "inProgress"
    from enterprises e where e.id = ${id}`);
  const [row] = rowsOf<InactiveStanding & { inProgress: unknown }>(rows);
  if (!row) return { released: false, revoked: false, loans: 0, unsettled: 0, inProgress: [] };
  return { ...row, inProgress: parseJson<InactiveStanding['inProgress']>(row.inProgress) ?? [] };
}

interface InactiveStanding {
  released: boolean;
  revoked: boolean;
  loans: number;
  unsettled: number;
  inProgress: { id: string; status: (typeof WAITING_STATES)[number]; product: string; institution: string }[];
}

export async function getEnterpriseWithPark(db: Db, id: string) {
  const [row] = await db
    .select({ enterprise: enterprises, parkName: parks.name, parkNameEn: parks.nameEn })
    .from(enterprises)
    .innerJoin(parks, eq(parks.id, enterprises.parkId))
    .where(eq(enterprises.id, id))
    .limit(1);
  return row ?? null;
}

type CertificationFact = {
  kind: (typeof certifications.$inferSelect)['kind'];
  validFrom: string;
  validTo: string;
  verificationStatus: (typeof certifications.$inferSelect)['verificationStatus'];
};

/** What the eligibility rules look at, for one enterprise. */
export interface EligibilityFactsRow {
  parkId: number;
  industry: string;
  foundedOn: string;
  employees: number;
  revenueFen: bigint;
  verificationStatus: (typeof enterprises.$inferSelect)['verificationStatus'];
  certifications: CertificationFact[];
  innovationScore: string | null;
}

const certificationsJson = jsonArray<CertificationFact>(
  sql`select json_agg(json_build_object('kind', c.kind, 'validFrom', c.valid_from::text, 'validTo', c.valid_to::text, 'verificationStatus', c.verification_status) order by c.valid_from, c.id)
    from ${certifications} c where c.enterprise_id = "enterprises"."id"`,
);
const latestInnovationScore = sql<
  string | null
>`(select s.total::text from ${innovationScores} s where s.enterprise_id = "enterprises"."id" order by s.computed_at desc limit 1)`;

/** The enterprise's row, certifications and latest innovation score in one statement (null: no such enterprise). */
export async function getEligibilityFacts(db: Db, enterpriseId: string): Promise<EligibilityFactsRow | null> {
  const [e] = await db
    .select({
      parkId: enterprises.parkId,
      industry: enterprises.industry,
      foundedOn: enterprises.foundedOn,
      employees: enterprises.employees,
      revenueFen: enterprises.revenueFen,
      verificationStatus: enterprises.verificationStatus,
      certifications: certificationsJson,
      innovationScore: latestInnovationScore,
    })
    .from(enterprises)
    .where(eq(enterprises.id, enterpriseId))
    .limit(1);
  return e ?? null;
}

type EligibilityFactsJson = Omit<EligibilityFactsRow, 'revenueFen'> & { revenueFen: string };

/** getEligibilityFacts as one JSON value, to read inside another statement (factsFromJson reads it back). */
export function eligibilityFactsJson(enterpriseId: string) {
  return sql<EligibilityFactsJson | null>`(select json_build_object('parkId', "enterprises"."park_id", 'industry', "enterprises"."industry",
      'foundedOn', "enterprises"."founded_on"::text, 'employees', "enterprises"."employees", 'revenueFen', "enterprises"."revenue_fen"::text,
      'verificationStatus', "enterprises"."verification_status", 'certifications', ${certificationsJson}, 'innovationScore', ${latestInnovationScore})
    from ${enterprises} where "enterprises"."id" = ${enterpriseId})`.mapWith((v: unknown) => (v == null ? null : parseJson<EligibilityFactsJson>(v)));
}

export function factsFromJson(j: EligibilityFactsJson | null): EligibilityFactsRow | null {
  return j ? { ...j, revenueFen: BigInt(j.revenueFen) } : null;
}
