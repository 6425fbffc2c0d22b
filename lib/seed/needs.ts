// Financing needs nobody applied for (yet): open, stale, expired and withdrawn, with their matches.
import { addDays, addMonths, addWorkingHours, at, dateOf, DEMO_NOW, DEMO_TODAY, HOUR, workingDaysBetween } from './data/calendar';
import { rngFor, seedUuid } from './data/prng';
import { type NeedStatus, type NeedPurpose, type GuaranteeMethod, wan, date, minMs, randomDate, type Ctx } from './context';
import { type NeedShape, fits, addMatch } from './matching';
import { pledgeable } from './applications';
import { needDescription } from './need-text';

// ---------------------------------------------------------------- needs nobody applied for (yet)

export function buildStandaloneNeeds(ctx: Ctx): void {
  const rng = rngFor('standalone-needs');
  const matchSeen = new Set(ctx.rows.matches.map((m) => `${m.needId}:${m.productId}`));
  const locked = new Set(ctx.rows.pledgeAssets.map((p) => p.ipAssetId));
  type Kind = 'acted' | 'stale' | 'fresh' | 'expired' | 'withdrawn';
  interface Spec {
    kind: Kind;
    ent?: number;
    createdMs?: number;
    amountWan?: number;
    termMonths?: number;
    purpose?: NeedPurpose;
    guarantee?: GuaranteeMethod[];
    maxRateBp?: number | null;
    ipNumbers?: string[];
    institution?: string;
  }
  const specs: Spec[] = [
    // The demo SME: one need a bank has already picked up, one posted this week.
    {
      kind: 'acted',
      ent: 0,
      createdMs: at('2026-10-26', 9, 40),
      amountWan: 1000,
      termMonths: 24,
      purpose: 'rnd',
      guarantee: ['pledge', 'credit'],
      maxRateBp: 420,
      ipNumbers: ['ZL202110582341'],
      institution: 'cmb',
    },
    {
      kind: 'fresh',
      ent: 0,
      createdMs: at('2026-11-18', 9, 45),
      amountWan: 800,
      termMonths: 36,
      purpose: 'equipment',
      guarantee: ['mortgage', 'guarantee'],
      maxRateBp: null,
    },
  ];
  const plan: [Kind, number][] = [
    ['acted', 12],
    ['stale', 7],
    ['fresh', 5],
    ['expired', 3],
    ['withdrawn', 2],
  ];
  for (const [kind, n] of plan) for (let i = 0; i < n; i++) specs.push({ kind });

  const windows: Record<Kind, [string, string]> = {
    acted: ['2026-08-24', '2026-11-12'],
    stale: ['2026-10-12', '2026-11-12'], // > 3 working days before 2026-11-20 without any action
    fresh: ['2026-11-18', '2026-11-19'],
    expired: ['2025-03-03', '2025-11-28'],
    withdrawn: ['2025-05-05', '2026-08-28'],
  };
  let seq = 0;
  for (const spec of specs) {
    let placed = false;
    for (let attempt = 0; attempt < 200 && !placed; attempt++) {
      const createdMs = spec.createdMs ?? at(randomDate(rng, ...windows[spec.kind]), rng.int(8, 20), rng.int(0, 59));
      if (createdMs >= DEMO_NOW) continue;
      const day = dateOf(createdMs);
      const pool = ctx.ents.filter((e) =>
        spec.ent != null
          ? e.n === spec.ent
          : e.n !== 0 &&
            e.verification === 'verified' &&
            e.verifiedMs! + 24 * HOUR < createdMs &&
            (spec.kind === 'expired' || spec.kind === 'withdrawn' || e.openNeeds === 0),
      );
      if (pool.length === 0) continue;
      const ent = pool.map((e) => ({ e, key: e.needs + rng.next() * 1.5 })).sort((a, b) => a.key - b.key)[0].e;
      const purpose =
        spec.purpose ??
        rng.weighted([
          ['working_capital', 5],
          ['equipment', 2],
          ['rnd', 2],
          ['project', 1],
          ['other', 1],
        ] as const);
      const amountWan = spec.amountWan ?? Math.max(100, Math.round(rng.logUniform(100, 3000) / 50) * 50);
      const termMonths =
        spec.termMonths ??
        rng.weighted([
          [12, 4],
          [24, 3],
          [36, 2],
        ] as const);
      const termEnd = addMonths(day, termMonths + 2);
      const ipCandidates = ent.ip.filter((a) => pledgeable(a, day, termEnd, locked));
      let guarantee = spec.guarantee;
      if (!guarantee) {
        const g = new Set<GuaranteeMethod>([
          rng.weighted([
            ['credit', 4],
            ['guarantee', 3],
            ['mortgage', 2],
          ] as const),
        ]);
        if (purpose === 'equipment') g.add('mortgage');
        if (ipCandidates.length && rng.chance(0.5)) g.add('pledge');
        if (rng.chance(0.3)) g.add('guarantee');
        guarantee = [...g];
      }
      const maxRateBp = spec.maxRateBp !== undefined ? spec.maxRateBp : rng.chance(0.4) ? null : rng.int(38, 48) * 10;
      const shape: NeedShape = { amountWan, termMonths, guarantee, maxRateBp };
      const fitting = ctx.published.filter((p) => fits(ctx, ent, p, shape, day));
      if (spec.kind === 'acted' && fitting.length === 0) continue;
      const acting = spec.institution ? fitting.find((p) => p.inst.seed.key === spec.institution) : rng.pick(fitting.length ? fitting : [undefined]);
      if (spec.kind === 'acted' && !acting) continue;
      const actedExpired = spec.kind === 'expired' && acting && rng.chance(0.5);
      let actionMs: number | null = null;
      if ((spec.kind === 'acted' || actedExpired) && acting) {
        actionMs = addWorkingHours(createdMs, acting.inst.seed.responseHours * (0.5 + rng.next() * 2));
        if (actionMs >= DEMO_NOW - HOUR) continue;
      }
      if (spec.kind === 'stale' && workingDaysBetween(day, DEMO_TODAY) <= 3) continue;

      seq++;
      const needId = seedUuid('need', `standalone:${seq}`);
      const status: NeedStatus = spec.kind === 'expired' ? 'expired' : spec.kind === 'withdrawn' ? 'withdrawn' : 'open';
      const wantedBy = spec.kind === 'expired' ? addDays(day, rng.int(45, 90)) : addDays(day, rng.int(30, 120));
      const endMs =
        status === 'expired' ? at(addDays(wantedBy, 1), 0, 5) : status === 'withdrawn' ? createdMs + rng.int(5, 40) * 24 * HOUR : (actionMs ?? createdMs);
      const ipLinks = guarantee.includes('pledge')
        ? spec.ipNumbers
          ? ent.ip.filter((a) => spec.ipNumbers!.some((num) => a.number.startsWith(num)))
          : ipCandidates.slice(0, rng.int(1, 2))
        : [];
      ctx.rows.financingNeeds.push({
        id: needId,
        enterpriseId: ent.id,
        amountFen: wan(amountWan),
        termMonths,
        purpose,
        guaranteeMethods: guarantee,
        maxRateBp,
        wantedBy,
        description: needDescription(rng, purpose, ipLinks.length),
        status,
        firstInstitutionActionAt: actionMs != null ? date(actionMs) : null,
        createdAt: date(createdMs),
        updatedAt: date(minMs(endMs, DEMO_NOW - HOUR)),
      });
      ent.needs++;
      if (status === 'open') ent.openNeeds++;
      for (const a of ipLinks) ctx.rows.needIpAssets.push({ needId, ipAssetId: a.id });
      // Engine suggestions at posting time, the acting institution's interest afterwards.
      for (const p of rng.shuffle(fitting).slice(0, rng.int(spec.kind === 'stale' ? 0 : 1, 3))) {
        if (acting && p.id === acting.id && actionMs != null) continue;
        addMatch(ctx, matchSeen, {
          needId,
          ent,
          prod: p,
          need: shape,
          day,
          source: 'engine',
          status: status === 'open' ? 'suggested' : 'declined',
          createdMs: createdMs + 60_000,
          updatedMs: status === 'open' ? createdMs + 60_000 : endMs,
          createdBy: null,
        });
      }
      if (acting && actionMs != null) {
        addMatch(ctx, matchSeen, {
          needId,
          ent,
          prod: acting,
          need: shape,
          day,
          source: 'institution',
          status: status === 'open' ? 'contacted' : 'declined',
          createdMs: actionMs,
          updatedMs: status === 'open' ? actionMs : endMs,
          createdBy: acting.inst.userId,
        });
      }
      placed = true;
    }
    if (!placed) throw new Error(`seed: could not place need ${JSON.stringify(spec)}`);
  }
}
