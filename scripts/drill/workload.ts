// The drills' load: a bounded stream of real requests, the way the browser sends them. Signing in
// goes through next-auth's credentials endpoint; the writes are the app's server actions, posted as
// React's client posts them (Next-Action header, arguments as JSON, ids from the build's manifest;
// bench/lib/http.ts), so every request runs the same parse → actor → use case → transaction path
// as a click in the browser. Each virtual user walks the financing journey: post a need, apply to
// a product with an idempotency key, and, as the bank officer, accept, approve, disburse and record
// a repayment. Readers load the catalogue, its API, the landing page and the enterprise's needs.
// Every acknowledged write is recorded for the database checks afterwards (verify.ts).
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type postgres from 'postgres';
import { actionId, actionRequest, signIn } from '../../bench/lib/http';
import { PASSWORD } from './stack';

export interface Outcome {
  kind: string;
  status: number;
  ok: boolean;
  ms: number;
  at: number;
  /** The action's error key, or the start of a failed answer. */
  error?: string;
  /** A failure that answered clearly (503 with a message, or the action's database-unavailable key). */
  clear?: boolean;
}

export interface Acked {
  needs: { id: string; tag: string }[];
  applications: { id: string; key: string }[];
  accepted: string[];
  approved: string[];
  disbursed: string[];
  repayments: { loanId: string; principalFen: bigint }[];
}

export interface Actors {
  sme: string;
  bank: string;
}

export interface Fixture {
  enterpriseId: string;
  institutionId: string;
  /** `rate`: the product's lowest annual rate in percent (LPR + spread for a spread-priced one), which an approval must respect. */
  product: { id: string; amountWan: string; term: number; rate: string };
}

/** A product's lowest annual rate in basis points, in SQL over `products`: LPR + spread for a spread-priced one. */
export const LOWEST_RATE_BP = `(case when rate_type = 'fixed' then rate_min_bp
  else rate_min_bp + coalesce((select one_year_bp from lpr_rates where effective_on <= (now() at time zone 'Asia/Shanghai')::date
    order by effective_on desc limit 1), 0) end)::int`;

/** The demo enterprise, the demo bank, and a product of the bank it can apply to. */
export async function fixture(sql: postgres.Sql): Promise<Fixture> {
  const users = await sql<{ email: string; enterprise_id: string | null; institution_id: string | null }[]>`
    select email, enterprise_id, institution_id from users where email in ('sme@kerongtong.demo', 'bank@kerongtong.demo')`;
  const enterpriseId = users.find((u) => u.email === 'sme@kerongtong.demo')?.enterprise_id;
  const institutionId = users.find((u) => u.email === 'bank@kerongtong.demo')?.institution_id;
  if (!enterpriseId || !institutionId) throw new Error('the demo accounts sme@ and bank@kerongtong.demo are missing');
  const [p] = await sql<{ id: string; amount_min_fen: string; term_min_months: number; rate_bp: number }[]>`
    select id, amount_min_fen::text, term_min_months, ${sql.unsafe(LOWEST_RATE_BP)} as rate_bp from products
    where institution_id = ${institutionId} and status = 'published'
      and not (select pledges_ip from product_categories c where c.code = products.category)
      and (amount_min_fen + 999999) / 1000000 * 1000000 <= amount_max_fen
    order by amount_min_fen, id limit 1`;
  if (!p) throw new Error('the demo bank has no published product to apply to');
  const product = {
    id: p.id,
    amountWan: String((BigInt(p.amount_min_fen) + 999_999n) / 1_000_000n),
    term: p.term_min_months,
    rate: (p.rate_bp / 100).toFixed(2),
  };
  return { enterpriseId, institutionId, product };
}

export async function signInBoth(base: string): Promise<Actors> {
  return { sme: await signIn(base, 'sme@kerongtong.demo', PASSWORD), bank: await signIn(base, 'bank@kerongtong.demo', PASSWORD) };
}

/** The server actions the journey posts, by their ids in this build. */
export function actionIds(distDir: string) {
  const dist = path.resolve(distDir);
  return {
    createNeed: actionId(dist, 'app/enterprise/needs/actions.ts', 'createNeedAction'),
    submit: actionId(dist, 'app/products/[id]/apply/actions.ts', 'submitApplicationAction'),
    decide: actionId(dist, 'app/institution/applications/actions.ts', 'decideApplicationAction'),
    repay: actionId(dist, 'app/institution/loans/actions.ts', 'recordRepaymentAction'),
    productTransition: actionId(dist, 'app/institution/products/actions.ts', 'productTransitionAction'),
  };
}

const DB_TROUBLE = /db_(unavailable|busy|read_only)/;

/** The action's result in a React Flight answer: { ok, data } or { ok: false, error }. */
export function actionResult(body: string): { ok: boolean; data?: Record<string, unknown>; error?: string } {
  const m = /"ok":true,"data":(\{[^{}]*\})/.exec(body);
  if (m) return { ok: true, data: JSON.parse(m[1]) as Record<string, unknown> };
  if (/"ok":true/.test(body)) return { ok: true, data: {} };
  const e = /"ok":false,"error":"([^"]+)"/.exec(body);
  return { ok: false, error: e ? e[1] : body.slice(0, 160).replace(/\s+/g, ' ') };
}

/** Today in the zone's calendar (Asia/Shanghai), as the repayment form's date. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

export class Workload {
  readonly outcomes: Outcome[] = [];
  /** Every submission sent, acknowledged or not, with its arguments (to send again with the same key). */
  readonly submissions: { key: string; args: Record<string, unknown>; id?: string }[] = [];
  readonly acked: Acked = { needs: [], applications: [], accepted: [], approved: [], disbursed: [], repayments: [] };
  private stopped = false;
  readonly ids: ReturnType<typeof actionIds>;

  get actors(): Actors {
    return this.o.actors;
  }

  constructor(
    private readonly o: {
      /** Where each request goes: one base, or several (round robin). */
      bases: string[];
      distDir: string;
      actors: Actors;
      fixture: Fixture;
      sql: postgres.Sql;
      /** A tag in every need's description, to find this run's rows. */
      tag: string;
    },
  ) {
    this.ids = actionIds(o.distDir);
  }

  private nextBase = 0;
  private base(): string {
    return this.o.bases[this.nextBase++ % this.o.bases.length];
  }

  /** One request, timed and recorded; never throws. */
  async request(kind: string, r: { method?: string; path: string; headers?: Record<string, string>; body?: string }, isAction = false, timeoutMs = 30_000) {
    const t0 = performance.now();
    const base = this.base();
    let status = 0;
    let body = '';
    let contentType = '';
    try {
      const res = await fetch(base + r.path, {
        method: r.method ?? 'GET',
        headers: { ...r.headers, ...(r.method === 'POST' ? { origin: base } : {}) },
        body: r.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = res.status;
      contentType = res.headers.get('content-type') ?? '';
      body = await res.text();
    } catch (e) {
      body = `${(e as Error).name}: ${(e as Error).message}`;
    }
    const ms = performance.now() - t0;
    const out: Outcome = { kind, status, ok: false, ms, at: Date.now() };
    let result: ReturnType<typeof actionResult> | undefined;
    if (isAction && status === 200) {
      result = actionResult(body);
      out.ok = result.ok;
      if (!result.ok) {
        out.error = result.error;
        out.clear = DB_TROUBLE.test(result.error ?? '');
      }
    } else {
      out.ok = status >= 200 && status < 400;
      if (!out.ok) {
        out.error = `HTTP ${status}: ${body.slice(0, 160).replace(/\s+/g, ' ')}`;
        // A clear answer: 503 with a message (JSON from the API, the error page for a page), no stack.
        // A page shows the app's error page (no stack); the API answers 503 with a message.
        const noStack = !/\n\s+at |node_modules/.test(body);
        out.clear = contentType.includes('json')
          ? status === 503 && /"message"/.test(body) && noStack
          : status >= 500 && noStack && r.path.startsWith('/') && !r.path.startsWith('/api/');
      }
    }
    this.outcomes.push(out);
    return { ...out, body, result };
  }

  action(kind: string, pagePath: string, id: string, cookie: string, args: unknown) {
    const r = actionRequest('', pagePath, id, cookie, [args]);
    return this.request(kind, r, true);
  }

  /** One financing journey; stops at the first step that fails (a user would come back later). */
  async journey(): Promise<void> {
    const { actors, fixture: f, tag } = this.o;
    const needTag = `${tag}-${randomUUID()}`;
    const need = await this.action('create-need', '/enterprise/needs/new', this.ids.createNeed, actors.sme, {
      amountWan: f.product.amountWan,
      termMonths: String(f.product.term),
      purpose: 'equipment',
      guaranteeMethods: ['credit'],
      maxRate: '',
      wantedBy: '',
      ipAssetIds: [],
      description: `演练 ${needTag}`,
    });
    if (!need.ok) return;
    const needId = String(need.result?.data?.id);
    this.acked.needs.push({ id: needId, tag: needTag });
    if (this.stopped) return;

    const key = `drill-${randomUUID()}`;
    const submitArgs = {
      productId: f.product.id,
      needId,
      amountWan: f.product.amountWan,
      termMonths: String(f.product.term),
      ipAssetIds: [],
      idempotencyKey: key,
    };
    const sent: (typeof this.submissions)[number] = { key, args: submitArgs };
    this.submissions.push(sent);
    const sub = await this.action('submit', `/products/${f.product.id}/apply`, this.ids.submit, actors.sme, submitArgs);
    if (!sub.ok) return;
    const appId = String(sub.result?.data?.id);
    sent.id = appId;
    this.acked.applications.push({ id: appId, key });

    const decide = async (action: 'accept' | 'approve' | 'disburse', extra: Record<string, string> = {}) =>
      this.action(action, `/institution/applications/${appId}`, this.ids.decide, actors.bank, { applicationId: appId, action, ...extra });
    if (!(await decide('accept')).ok) return;
    this.acked.accepted.push(appId);
    if (!(await decide('approve', { approvedAmountWan: f.product.amountWan, approvedRate: f.product.rate, approvedTermMonths: String(f.product.term) })).ok)
      return;
    this.acked.approved.push(appId);
    if (!(await decide('disburse')).ok) return;
    this.acked.disbursed.push(appId);

    const loanId = await this.loanOf(appId);
    if (!loanId) return;
    const repay = await this.action('repay', `/institution/loans/${loanId}`, this.ids.repay, actors.bank, {
      loanId,
      principalWan: '1',
      interestWan: '0.1',
      paidOn: today(),
    });
    if (repay.ok) this.acked.repayments.push({ loanId, principalFen: 1_000_000n });
  }

  /** The loan a disbursement made (the action answers the application's state only). */
  private async loanOf(applicationId: string): Promise<string | null> {
    for (let i = 0; i < 50; i++) {
      try {
        const [l] = await this.o.sql<{ id: string }[]>`select id from loans where application_id = ${applicationId}`;
        return l?.id ?? null;
      } catch {
        await new Promise((r) => setTimeout(r, 200)); // the database is down for a moment
      }
    }
    return null;
  }

  /** Pages and API reads, as visitors and the enterprise load them. */
  async read(): Promise<void> {
    const pick = Math.floor(Math.random() * 4);
    if (pick === 0) await this.request('GET /products', { path: '/products' });
    else if (pick === 1) await this.request('GET /api/v1/products', { path: '/api/v1/products?term=12' });
    else if (pick === 2) await this.request('GET /', { path: '/' });
    else await this.request('GET /enterprise/needs', { path: '/enterprise/needs', headers: { cookie: this.o.actors.sme } });
  }

  /** `writers` users walking journeys and `readers` reading, until stop() or `maxMs`. */
  async run(o: { writers: number; readers: number; maxMs: number; maxJourneys?: number }): Promise<void> {
    const until = Date.now() + o.maxMs;
    let journeys = 0;
    const more = () => !this.stopped && Date.now() < until && (o.maxJourneys === undefined || journeys < o.maxJourneys);
    const writer = async () => {
      while (more()) {
        journeys++;
        await this.journey();
      }
    };
    const reader = async () => {
      while (more()) await this.read();
    };
    await Promise.all([...Array.from({ length: o.writers }, writer), ...Array.from({ length: o.readers }, reader)]);
  }

  stop(): void {
    this.stopped = true;
  }

  summary() {
    const total = this.outcomes.length;
    const failed = this.outcomes.filter((x) => !x.ok);
    return { total, failed: failed.length, unclear: failed.filter((x) => !x.clear), failures: failed };
  }
}

/** A count per distinct error text, for a FAIL line. */
export function errorDigest(outcomes: Outcome[], max = 4): string {
  const m = new Map<string, number>();
  for (const o of outcomes) m.set(`${o.kind}: ${o.error ?? o.status}`, (m.get(`${o.kind}: ${o.error ?? o.status}`) ?? 0) + 1);
  return [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, max)
    .map(([k, n]) => `${n}× ${k.slice(0, 200)}`)
    .join('; ');
}
