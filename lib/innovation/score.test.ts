import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatHundredths, indicatorPoints, scoreInnovation, stageOf, whatIf, type ScoreContext } from './score';
import {
  GROUP_KEYS,
  INDICATOR_GROUPS,
  INDICATOR_KEYS,
  innovationInputsSchema,
  STAGES,
  WEIGHT_SET_V1,
  weightSetSchema,
  type IndicatorKey,
  type InnovationInputs,
  type Stage,
  type WeightSet,
} from './weights';

const WS: WeightSet = weightSetSchema.parse(WEIGHT_SET_V1.weights);
const RULES = WS.stageRules;
const THRESHOLD = RULES.matureMinRevenueFen;

/** A context that lands in each stage under the v1 rules. */
const CTX: Record<Stage, ScoreContext> = {
  startup: { foundedOn: '2024-03-01', asOf: '2025-12-31', revenueFen: 0 },
  growth: { foundedOn: '2019-05-20', asOf: '2025-12-31', revenueFen: 6_800_000_000 },
  mature: { foundedOn: '2010-01-01', asOf: '2025-12-31', revenueFen: 30_000_000_000n },
};

const zeros = (): InnovationInputs => Object.fromEntries(INDICATOR_KEYS.map((k) => [k, 0])) as InnovationInputs;
const only = (key: IndicatorKey, value: number): InnovationInputs => ({ ...zeros(), [key]: value });
const capped = (): InnovationInputs => Object.fromEntries(INDICATOR_KEYS.map((k) => [k, WS.caps[k]])) as InnovationInputs;
const points = (r: ReturnType<typeof scoreInnovation>, key: IndicatorKey) => r.contributions.find((c) => c.key === key)!.points;
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('WEIGHT_SET_V1', () => {
  it('passes its own schema, each stage sums to 100, groups partition the indicators', () => {
    expect(weightSetSchema.safeParse(WEIGHT_SET_V1.weights).success).toBe(true);
    for (const s of STAGES)
      expect(
        INDICATOR_KEYS.reduce((a, k) => a + WS.stages[s][k], 0),
        s,
      ).toBe(100);
    expect(GROUP_KEYS.flatMap((g) => INDICATOR_GROUPS[g]).sort()).toEqual([...INDICATOR_KEYS].sort());
  });
});

describe('scoreInnovation, one indicator at a time', () => {
  for (const stage of STAGES) {
    for (const key of INDICATOR_KEYS) {
      it(`${stage} / ${key}: full weight at the cap, proportional below, capped above`, () => {
        const cap = WS.caps[key];
        const weight = WS.stages[stage][key];
        const ctx = CTX[stage];

        const atCap = scoreInnovation(WS, only(key, cap), ctx);
        expect(atCap.stage).toBe(stage);
        expect(atCap.totalHundredths).toBe(weight * 100);
        expect(atCap.total).toBe(`${weight}.00`);
        expect(points(atCap, key)).toBe(weight * 100);
        for (const c of atCap.contributions) if (c.key !== key) expect(c.points, c.key).toBe(0);

        // Below the cap: floor(weight × 100 × value / cap), computed here independently.
        for (const value of [0, 1, Math.floor(cap / 3), Math.floor(cap / 2), cap - 1]) {
          const r = scoreInnovation(WS, only(key, value), ctx);
          expect(r.totalHundredths, `value ${value}`).toBe(Math.floor((weight * 100 * value) / cap));
        }
        if (cap % 2 === 0) expect(scoreInnovation(WS, only(key, cap / 2), ctx).totalHundredths).toBe(weight * 50);

        // Above the cap: still the full weight, and the contribution reports the raw input.
        for (const value of [cap + 1, cap * 7]) {
          const r = scoreInnovation(WS, only(key, value), ctx);
          expect(r.totalHundredths).toBe(weight * 100);
          expect(r.contributions.find((c) => c.key === key)).toMatchObject({ value, cap, weight, points: weight * 100 });
        }
      });
    }
  }

  it('gives 0 for negative growth and a negative ROE, keeping the raw value', () => {
    for (const key of ['rnd_growth', 'revenue_growth', 'roe'] as const) {
      for (const stage of STAGES) {
        const r = scoreInnovation(WS, only(key, -1), CTX[stage]);
        expect(r.totalHundredths).toBe(0);
        expect(r.total).toBe('0.00');
        expect(r.contributions.find((c) => c.key === key)).toMatchObject({ value: -1, points: 0 });
        expect(scoreInnovation(WS, { ...capped(), [key]: -4_500 }, CTX[stage]).totalHundredths).toBe(10_000 - WS.stages[stage][key] * 100);
      }
    }
  });

  it('sums groups and contributions to the total, in indicator order', () => {
    const r = scoreInnovation(WS, { ...capped(), rnd_expense: 123_456_789, postgrad_share: 977, awards: 1, roe: -3 }, CTX.growth);
    expect(r.contributions.map((c) => c.key)).toEqual([...INDICATOR_KEYS]);
    expect(r.contributions.reduce((a, c) => a + c.points, 0)).toBe(r.totalHundredths);
    expect(GROUP_KEYS.reduce((a, g) => a + r.groups[g], 0)).toBe(r.totalHundredths);
    for (const g of GROUP_KEYS) {
      expect(r.groups[g]).toBe(r.contributions.filter((c) => c.group === g).reduce((a, c) => a + c.points, 0));
      for (const k of INDICATOR_GROUPS[g]) expect(r.contributions.find((c) => c.key === k)!.group).toBe(g);
    }
    expect(r.total).toBe(formatHundredths(r.totalHundredths));
  });
});

describe('fully capped profile', () => {
  it('totals exactly 100.00 in every stage', () => {
    for (const stage of STAGES) {
      const r = scoreInnovation(WS, capped(), CTX[stage]);
      expect(r.stage).toBe(stage);
      expect(r.total).toBe('100.00');
      expect(r.totalHundredths).toBe(10_000);
      expect(whatIf(WS, capped(), CTX[stage])).toEqual([]);
    }
  });

  it('scores nothing for an all-zero profile', () => {
    for (const stage of STAGES) expect(scoreInnovation(WS, zeros(), CTX[stage]).total).toBe('0.00');
  });
});

describe('purity', () => {
  it('gives the same result twice and leaves its arguments alone', () => {
    const inputs = Object.freeze({ ...capped(), rnd_ratio: 333, invention_patents: 3 });
    const ws = clone(WS);
    const ctx = Object.freeze({ ...CTX.mature });
    const a = scoreInnovation(ws, inputs, ctx);
    const b = scoreInnovation(ws, inputs, ctx);
    expect(a).toEqual(b);
    expect(ws).toEqual(WS);
    whatIf(ws, inputs, ctx);
    expect(ws).toEqual(WS);
  });

  it('rejects a non-integer input and a malformed date', () => {
    expect(() => scoreInnovation(WS, only('revenue', 1.5), CTX.growth)).toThrow(RangeError);
    expect(() => scoreInnovation(WS, { ...zeros(), awards: Number.NaN }, CTX.growth)).toThrow(RangeError);
    expect(() => scoreInnovation(WS, zeros(), { ...CTX.growth, asOf: '2025-13-01' })).toThrow(RangeError);
  });
});

describe('stageOf', () => {
  const founded = '2015-06-15';
  const rich = THRESHOLD * 3;

  it('is startup until the 3rd anniversary, growth from it', () => {
    expect(stageOf(RULES, founded, '2018-06-14', rich)).toBe('startup');
    expect(stageOf(RULES, founded, '2018-06-15', rich)).toBe('growth');
    expect(stageOf(RULES, founded, '2018-06-16', rich)).toBe('growth');
    expect(stageOf(RULES, founded, founded, 0)).toBe('startup');
  });

  it('is mature from the 10th anniversary when revenue reaches the threshold', () => {
    expect(stageOf(RULES, founded, '2025-06-14', rich)).toBe('growth');
    expect(stageOf(RULES, founded, '2025-06-15', rich)).toBe('mature');
    expect(stageOf(RULES, founded, '2025-06-16', rich)).toBe('mature');
  });

  it('needs revenue of at least the threshold, to the fen, as number or bigint', () => {
    expect(stageOf(RULES, founded, '2025-06-16', THRESHOLD)).toBe('mature');
    expect(stageOf(RULES, founded, '2025-06-16', BigInt(THRESHOLD))).toBe('mature');
    expect(stageOf(RULES, founded, '2025-06-16', THRESHOLD - 1)).toBe('growth');
    expect(stageOf(RULES, founded, '2025-06-16', BigInt(THRESHOLD) - 1n)).toBe('growth');
    expect(stageOf(RULES, founded, '2040-01-01', 0n)).toBe('growth');
    // Revenue alone never makes a young company mature.
    expect(stageOf(RULES, founded, '2025-06-14', BigInt(THRESHOLD) * 100n)).toBe('growth');
    expect(stageOf(RULES, founded, '2018-06-14', BigInt(THRESHOLD) * 100n)).toBe('startup');
  });

  it('counts a 29 February founding from 28 February in common years', () => {
    expect(stageOf(RULES, '2020-02-29', '2023-02-27', 0)).toBe('startup');
    expect(stageOf(RULES, '2020-02-29', '2023-02-28', 0)).toBe('growth');
  });

  it('follows the weight set rules, not constants', () => {
    const rules = { startupMaxYears: 2, matureMinYears: 5, matureMinRevenueFen: 100 };
    expect(stageOf(rules, founded, '2017-06-15', 0)).toBe('growth');
    expect(stageOf(rules, founded, '2020-06-15', 100)).toBe('mature');
    expect(stageOf(rules, founded, '2020-06-15', 99)).toBe('growth');
  });

  it('drives the weights scoreInnovation uses', () => {
    const inputs = only('revenue', WS.caps.revenue);
    const day = (asOf: string, revenueFen: number) => scoreInnovation(WS, inputs, { foundedOn: founded, asOf, revenueFen });
    expect(day('2025-06-14', THRESHOLD)).toMatchObject({ stage: 'growth', totalHundredths: WS.stages.growth.revenue * 100 });
    expect(day('2025-06-15', THRESHOLD)).toMatchObject({ stage: 'mature', totalHundredths: WS.stages.mature.revenue * 100 });
    expect(day('2025-06-15', THRESHOLD - 1)).toMatchObject({ stage: 'growth' });
    expect(day('2018-06-14', THRESHOLD)).toMatchObject({ stage: 'startup', totalHundredths: WS.stages.startup.revenue * 100 });
  });
});

describe('whatIf', () => {
  const profile: InnovationInputs = {
    ...zeros(),
    rnd_expense: 476_000_000,
    rnd_growth: 1850,
    invention_patents: 6,
    pct_applications: 2, // at its cap
    platforms: 5, // above its cap
    revenue_growth: -1_000, // still negative after one step of 300 bp
    roe: -100, // one step of 150 bp brings it to 50 bp
    graduate_hires: 9,
  };

  it('sorts by gain, largest first, ties in indicator order, and omits capped indicators and zero gains', () => {
    for (const stage of STAGES) {
      const steps = whatIf(WS, profile, CTX[stage]);
      for (const s of steps) expect(s.gainHundredths, s.key).toBeGreaterThan(0);
      for (let i = 1; i < steps.length; i++) {
        const [a, b] = [steps[i - 1], steps[i]];
        expect(a.gainHundredths).toBeGreaterThanOrEqual(b.gainHundredths);
        if (a.gainHundredths === b.gainHundredths) expect(INDICATOR_KEYS.indexOf(a.key)).toBeLessThan(INDICATOR_KEYS.indexOf(b.key));
      }
      const keys = steps.map((s) => s.key);
      expect(keys).not.toContain('pct_applications');
      expect(keys).not.toContain('platforms');
      expect(keys).not.toContain('revenue_growth');
      expect(keys).toContain('roe');
      // Everything else below its cap with a positive weight is listed.
      expect(new Set(keys)).toEqual(new Set(INDICATOR_KEYS.filter((k) => !['pct_applications', 'platforms', 'revenue_growth'].includes(k))));
    }
  });

  it('adds one invention patent: the difference of the two floored contributions', () => {
    for (const stage of STAGES) {
      const w = WS.stages[stage].invention_patents;
      const cap = WS.caps.invention_patents;
      const expected = Math.floor((w * 100 * 7) / cap) - Math.floor((w * 100 * 6) / cap);
      const step = whatIf(WS, profile, CTX[stage]).find((s) => s.key === 'invention_patents');
      expect(step).toEqual({ key: 'invention_patents', step: 1, stepUnit: 'count', gainHundredths: expected });
      // …and it is exactly what the total moves by.
      const before = scoreInnovation(WS, profile, CTX[stage]).totalHundredths;
      const after = scoreInnovation(WS, { ...profile, invention_patents: 7 }, CTX[stage]).totalHundredths;
      expect(after - before).toBe(expected);
    }
    // Startup: one more invention patent adds 1.20 points under v1.
    expect(whatIf(WS, profile, CTX.startup).find((s) => s.key === 'invention_patents')?.gainHundredths).toBe(120);
  });

  it('floors each side when the cap does not divide evenly', () => {
    const ws: WeightSet = { ...clone(WS), caps: { ...WS.caps, invention_patents: 7 } };
    const w = ws.stages.growth.invention_patents;
    const step = whatIf(ws, { ...zeros(), invention_patents: 3 }, CTX.growth).find((s) => s.key === 'invention_patents');
    expect(step?.gainHundredths).toBe(Math.floor((w * 100 * 4) / 7) - Math.floor((w * 100 * 3) / 7));
    expect(step?.gainHundredths).toBe(143);
  });

  it('steps fen and bp indicators by 10 % of the cap, without passing the cap', () => {
    const steps = whatIf(WS, zeros(), CTX.growth);
    const by = Object.fromEntries(steps.map((s) => [s.key, s]));
    expect(by.rnd_expense).toEqual({ key: 'rnd_expense', step: 200_000_000, stepUnit: 'fen', gainHundredths: WS.stages.growth.rnd_expense * 10 });
    expect(by.revenue_growth).toEqual({ key: 'revenue_growth', step: 300, stepUnit: 'bp', gainHundredths: WS.stages.growth.revenue_growth * 10 });
    expect(by.postgrad_share).toMatchObject({ step: 150, stepUnit: 'bp' });
    // One step short of the cap: the gain is only the rest up to the full weight.
    const near = whatIf(WS, only('revenue', WS.caps.revenue - 1), CTX.growth).find((s) => s.key === 'revenue');
    expect(near?.gainHundredths).toBe(WS.stages.growth.revenue * 100 - indicatorPoints(WS.stages.growth.revenue, WS.caps.revenue - 1, WS.caps.revenue));
  });

  it('omits indicators whose weight is 0 in the stage', () => {
    const ws: WeightSet = clone(WS);
    ws.stages.growth = { ...ws.stages.growth, awards: 0, platforms: ws.stages.growth.platforms + ws.stages.growth.awards };
    expect(weightSetSchema.safeParse(ws).success).toBe(true);
    expect(whatIf(ws, zeros(), CTX.growth).map((s) => s.key)).not.toContain('awards');
  });
});

describe('weightSetSchema', () => {
  const base = () =>
    clone(WEIGHT_SET_V1.weights) as unknown as {
      stages: Record<Stage, Record<string, number>>;
      caps: Record<string, number>;
      units: Record<string, string>;
      groups: Record<string, string[]>;
      stageRules?: Record<string, number>;
    };

  it('accepts v1 as read back from JSON', () => {
    expect(weightSetSchema.parse(base())).toEqual(WS);
  });

  it('rejects a stage whose weights do not sum to 100', () => {
    const w = base();
    w.stages.mature.awards += 1;
    const r = weightSetSchema.safeParse(w);
    expect(r.success).toBe(false);
    expect(r.error?.issues.some((i) => i.path.join('.') === 'stages.mature' && i.message === 'stage_weights_sum')).toBe(true);
  });

  it('rejects a zero, negative or fractional cap', () => {
    for (const cap of [0, -10, 2.5]) {
      const w = base();
      w.caps.invention_patents = cap;
      const r = weightSetSchema.safeParse(w);
      expect(r.success, String(cap)).toBe(false);
      expect(r.error?.issues.some((i) => i.path.join('.') === 'caps.invention_patents')).toBe(true);
    }
  });

  it('rejects negative or fractional weights, missing or unknown indicators, missing stage rules', () => {
    const negative = base();
    negative.stages.growth.awards = -2;
    negative.stages.growth.platforms += 4;
    expect(weightSetSchema.safeParse(negative).success).toBe(false);

    const fractional = base();
    fractional.stages.startup.awards = 1.5;
    fractional.stages.startup.platforms = 2.5;
    expect(weightSetSchema.safeParse(fractional).success).toBe(false);

    const missing = base();
    delete missing.caps.roe;
    expect(weightSetSchema.safeParse(missing).success).toBe(false);

    const unknown = base();
    unknown.stages.startup.patents_typo = 0;
    expect(weightSetSchema.safeParse(unknown).success).toBe(false);

    const noRules = base();
    delete noRules.stageRules;
    expect(weightSetSchema.safeParse(noRules).success).toBe(false);

    const badRules = base();
    badRules.stageRules = { startupMaxYears: 3, matureMinYears: 10 };
    expect(weightSetSchema.safeParse(badRules).success).toBe(false);
  });

  it('rejects an indicator in no group or in two, and a changed unit', () => {
    const dropped = base();
    dropped.groups.auxiliary = ['graduate_hires', 'platforms'];
    expect(weightSetSchema.safeParse(dropped).success).toBe(false);

    const twice = base();
    twice.groups.auxiliary = [...twice.groups.auxiliary, 'roe'];
    expect(weightSetSchema.safeParse(twice).success).toBe(false);

    const unit = base();
    unit.units.revenue = 'bp';
    expect(weightSetSchema.safeParse(unit).success).toBe(false);
  });
});

describe('innovationInputsSchema', () => {
  it('accepts integers in each unit, negative only for growth and ROE', () => {
    expect(innovationInputsSchema.safeParse(zeros()).success).toBe(true);
    expect(innovationInputsSchema.safeParse({ ...zeros(), rnd_growth: -800, revenue_growth: -1500, roe: -300 }).success).toBe(true);
    for (const key of INDICATOR_KEYS.filter((k) => !['rnd_growth', 'revenue_growth', 'roe'].includes(k))) {
      expect(innovationInputsSchema.safeParse(only(key, -1)).success, key).toBe(false);
    }
  });

  it('rejects fractions, strings, missing and unknown keys', () => {
    expect(innovationInputsSchema.safeParse(only('revenue', 10.5)).success).toBe(false);
    expect(innovationInputsSchema.safeParse({ ...zeros(), revenue: '100' }).success).toBe(false);
    const { awards: _, ...missing } = zeros();
    expect(innovationInputsSchema.safeParse(missing).success).toBe(false);
    expect(innovationInputsSchema.safeParse({ ...zeros(), extra: 1 }).success).toBe(false);
  });
});

describe('README worked example', () => {
  const readme = readFileSync(path.join(import.meta.dirname, '../../README.md'), 'utf8');
  const start = readme.indexOf('<!-- innovation-score:start -->');
  const end = readme.indexOf('<!-- innovation-score:end -->');
  const section = readme.slice(start, end);
  const cells = (line: string) =>
    line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
  const int = (cell: string) => Number(/^[+-]?[\d,]+/.exec(cell)![0].replace(/[,+]/g, ''));
  /** Table rows whose first cell is an indicator key in backticks. */
  const rows = (text: string) =>
    text
      .split('\n')
      .filter((l) => /^\| `[a-z_]+` \|/.test(l))
      .map(cells)
      .map((c) => ({ key: c[0].replace(/`/g, '') as IndicatorKey, cells: c }));

  it('is there, once, at the end of the README', () => {
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    expect(readme.indexOf('<!-- innovation-score:start -->', start + 1)).toBe(-1);
    expect(section).toContain('## Innovation score (企业创新积分)');
  });

  it('shows the v1 weights and caps', () => {
    const weightsPart = section.slice(section.indexOf('### Default weights'), section.indexOf('### Stage'));
    const table = rows(weightsPart);
    expect(table.map((r) => r.key).sort()).toEqual([...INDICATOR_KEYS].sort());
    for (const { key, cells: c } of table) {
      expect(c.slice(1, 3), key).toEqual([GROUP_KEYS.find((g) => INDICATOR_GROUPS[g].includes(key)), WS.units[key]]);
      expect(int(c[3]), key).toBe(WS.caps[key]);
      expect(c.slice(4, 7).map(Number), key).toEqual(STAGES.map((s) => WS.stages[s][key]));
    }
  });

  it('matches scoreInnovation and whatIf for its inputs', () => {
    const example = section.slice(section.indexOf('### Worked example'));
    const json = /```json\n([\s\S]*?)\n```/.exec(example);
    expect(json).not.toBeNull();
    const { context, inputs } = JSON.parse(json![1]) as { context: ScoreContext; inputs: unknown };
    const parsed = innovationInputsSchema.parse(inputs);

    const totalLine = /^Total: (\d+\.\d{2}) \((startup|growth|mature)\)$/m.exec(example);
    expect(totalLine).not.toBeNull();
    const r = scoreInnovation(WS, parsed, context);
    expect(r.total).toBe(totalLine![1]);
    expect(r.stage).toBe(totalLine![2]);
    expect(r.stage).toBe('growth');

    const afterJson = example.slice(example.indexOf('```', example.indexOf('```json') + 7));
    const pointsTable = rows(afterJson.slice(0, afterJson.indexOf('Total:')));
    expect(pointsTable.map((row) => row.key)).toEqual([...INDICATOR_KEYS]);
    for (const { key, cells: c } of pointsTable) {
      const contribution = r.contributions.find((x) => x.key === key)!;
      expect(int(c[2]), key).toBe(contribution.value);
      expect(int(c[3]), key).toBe(contribution.cap);
      expect(Number(c[4]), key).toBe(contribution.weight);
      expect(c[5], key).toBe(formatHundredths(contribution.points));
    }

    const groupsLine = /^Groups: (.*)\.$/m.exec(example);
    expect(groupsLine?.[1]).toBe(GROUP_KEYS.map((g) => `${g} ${formatHundredths(r.groups[g])}`).join(', '));

    const whatIfTable = rows(example.slice(example.indexOf('What-if for this enterprise')));
    expect(whatIfTable.map(({ key, cells: c }) => ({ key, step: int(c[1]), gain: c[2] }))).toEqual(
      whatIf(WS, parsed, context).map((s) => ({ key: s.key, step: s.step, gain: `+${formatHundredths(s.gainHundredths)}` })),
    );
  });
});
