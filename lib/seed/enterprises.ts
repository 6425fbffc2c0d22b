// The demo's enterprises with their owners, certifications and IP assets (patents, trademarks,
// software copyrights), every code with a valid check character.
import type { CertificationKind } from '../../db/schema';
import { USCC_CHARS, withUsccCheckChar } from '../enterprises/uscc';
import { withPatentCheckChar } from '../ip/patent-number';
import { DEMO_ACCOUNT_NAMES, DEMO_ACCOUNTS, DEMO_SME_NAME, enterpriseOwnerEmail } from './data/accounts';
import { addDays, addMonths, addWorkingHours, addYears, at, DEMO_TODAY, HOUR } from './data/calendar';
import { APPRAISERS, INDUSTRY_SUFFIXES, productLineOf, TRADE_NAMES, UNIVERSITIES } from './data/enterprises';
import { DESIGN_TITLES, INVENTION_TITLES, SOFTWARE_TITLES, TRADEMARK_CLASSES, UTILITY_TITLES } from './data/ip';
import { PARKS } from './data/parks';
import { type Rng, rngFor, seedUuid } from './data/prng';
import { type IpRow, ADMIN_ID, wan, date, maxMs, round10, clamp, randomDate, yearsBetween, randomName, type Ent, type Ctx, maxDay } from './context';

// ---------------------------------------------------------------- enterprises, certifications, IP

function usccFor(rng: Rng, districtCode: string, taken: Set<string>): string {
  for (;;) {
    let org = '';
    if (rng.chance(0.65)) {
      org = 'MA' + rng.pick(['4', '5']);
      for (let i = 0; i < 6; i++) org += USCC_CHARS[rng.int(0, USCC_CHARS.length - 1)];
    } else {
      org = rng.pick(['5', '6', '7']);
      for (let i = 0; i < 7; i++) org += String(rng.int(0, 9));
      org += rng.pick(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']);
    }
    const code = withUsccCheckChar(`91${districtCode}${org}`);
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

const UNVERIFIED = new Set([44, 45, 46]);
const OVERRIDDEN = 46;
const REJECTED = 47;
const ENTERPRISE_COUNT = 48; // n = 0 is the demo SME, 1..47 are generated

export function buildEnterprises(ctx: Ctx, parkIds: Map<string, number>, passwordHash: string): void {
  const rng = rngFor('enterprises');
  const certRng = rngFor('certifications');
  const ipRng = rngFor('ip-assets');
  const trades = rng.shuffle(TRADE_NAMES);
  const usccs = new Set<string>();
  const certSerial: Record<CertificationKind, number> = {
    high_tech: 1200,
    tech_sme: 300,
    specialized_sme: 40,
    little_giant: 10,
    gazelle: 5,
    seed_unicorn: 1,
    potential_unicorn: 1,
  };
  const nextSerial = (kind: CertificationKind) => (certSerial[kind] += certRng.int(1, 37));

  for (let n = 0; n < ENTERPRISE_COUNT; n++) {
    const demo = n === 0;
    const park = demo ? PARKS.find((p) => p.code === 'nanhai')! : PARKS[(n - 1) % PARKS.length];
    const industry: 'C' | 'I' | 'M' = demo
      ? 'C'
      : rng.weighted([
          ['C', 6],
          ['I', 2],
          ['M', 2],
        ] as const);
    const suffix = demo ? '智能装备' : rng.pick(INDUSTRY_SUFFIXES[industry]);
    const trade = demo ? '科睿' : trades[n - 1];
    const name = demo ? DEMO_SME_NAME : `佛山市${park.districtName}${trade}${suffix}有限公司`;
    const startup = !demo && rng.chance(0.12);
    const foundedOn = demo ? '2016-04-18' : startup ? randomDate(rng, '2022-03-01', '2024-06-30') : randomDate(rng, '2003-01-01', '2021-12-31');
    const revenueWan = demo ? 18_600 : Math.round(startup ? rng.logUniform(500, 3000) : rng.logUniform(800, 50_000));
    const rndRatio = industry === 'I' ? rng.int(800, 1800) : industry === 'M' ? rng.int(600, 1500) : rng.int(350, 900);
    const rndWan = demo ? 1380 : Math.round((revenueWan * rndRatio) / 10_000);
    const employees = demo ? 186 : clamp(Math.round(revenueWan / rng.logUniform(40, 120)), 12, 2500);
    const capitalWan = demo ? 2000 : Math.max(100, Math.round(rng.logUniform(100, 10_000) / 10) * 10);
    const verification = demo ? 'verified' : n === REJECTED ? 'rejected' : UNVERIFIED.has(n) ? 'unverified' : 'verified';
    let createdDay: string;
    if (demo) createdDay = '2025-01-06';
    else if (verification === 'unverified') createdDay = randomDate(rng, '2026-11-09', '2026-11-19');
    else if (verification === 'rejected') createdDay = '2026-10-12';
    else {
      const tier = rng.weighted([
        ['early', 7],
        ['mid', 2],
        ['late', 1],
      ] as const);
      createdDay =
        tier === 'early'
          ? randomDate(rng, '2024-12-02', '2025-03-31')
          : tier === 'mid'
            ? randomDate(rng, '2025-04-01', '2025-12-31')
            : randomDate(rng, '2026-01-05', '2026-09-30');
    }
    const createdMs = at(createdDay, demo ? 10 : rng.int(9, 17), demo ? 30 : rng.int(0, 59));
    const verifiedMs = verification === 'unverified' ? null : addWorkingHours(createdMs, demo ? 14 : rng.int(3, 24));
    let uscc = usccFor(rng, park.districtCode, usccs);
    if (n === OVERRIDDEN) {
      // A legal early code that fails the GB 32100 check: printed like this on the licence.
      const wrong = USCC_CHARS.split('').filter((c) => c !== uscc[17]);
      uscc = uscc.slice(0, 17) + rng.pick(wrong);
    }
    const id = seedUuid('enterprise', n);
    const ownerId = seedUuid('user', `enterprise:${n}`);
    const ownerName = demo ? DEMO_ACCOUNT_NAMES.sme : randomName(rng);
    ctx.rows.enterprises.push({
      id,
      uscc,
      usccCheckOverridden: n === OVERRIDDEN,
      name,
      parkId: parkIds.get(park.code)!,
      industry,
      foundedOn,
      registeredCapitalFen: wan(capitalWan),
      employees,
      revenueFen: wan(revenueWan),
      rndExpenseFen: wan(rndWan),
      verificationStatus: verification,
      verificationNote: verification === 'rejected' ? '营业执照上的企业名称与填报名称不一致，请核对后重新提交认证材料。' : null,
      verifiedAt: verifiedMs != null ? date(verifiedMs) : null,
      verifiedBy: verifiedMs != null ? ADMIN_ID : null,
      createdAt: date(createdMs),
      updatedAt: date(verifiedMs ?? createdMs),
    });
    ctx.rows.users.push({
      id: ownerId,
      name: ownerName,
      email: demo ? DEMO_ACCOUNTS.sme : enterpriseOwnerEmail(n),
      passwordHash,
      role: 'enterprise',
      enterpriseId: id,
      memberRole: 'owner',
      status: 'active',
      lastLoginAt: demo ? date(at('2026-11-19', 20, 15)) : null,
      createdAt: date(createdMs),
      updatedAt: date(createdMs),
    });
    const ent: Ent = {
      n,
      id,
      name,
      trade,
      park,
      industry,
      line: productLineOf(suffix),
      foundedOn,
      revenueFen: wan(revenueWan),
      rndFen: wan(rndWan),
      employees,
      verification,
      createdMs,
      verifiedMs,
      ownerId,
      ownerName,
      certs: [],
      ip: [],
      scoreHundredths: 0,
      stage: 'growth',
      apps: 0,
      needs: 0,
      openNeeds: 0,
      appliedProducts: new Set(),
      hasSchemeLoan: false,
    };
    ctx.ents.push(ent);

    // ---- certifications
    const addCert = (kind: CertificationKind, number: string, validFrom: string, validTo: string, verified: boolean, createdAtMs: number) => {
      const verifiedAtMs = verified ? addWorkingHours(maxMs(createdAtMs, verifiedMs ?? createdAtMs), certRng.int(2, 20)) : null;
      ctx.rows.certifications.push({
        id: seedUuid('certification', `${kind}:${number}`),
        enterpriseId: id,
        kind,
        number,
        validFrom,
        validTo,
        verificationStatus: verified ? 'verified' : 'unverified',
        verifiedAt: verifiedAtMs != null ? date(verifiedAtMs) : null,
        verifiedBy: verifiedAtMs != null ? ADMIN_ID : null,
        createdAt: date(createdAtMs),
      });
      ent.certs.push({ kind, validFrom, validTo, verified });
    };
    const certCreated = (validFrom: string) => maxMs(createdMs + HOUR / 2, at(addDays(validFrom, certRng.int(3, 20)), 10, certRng.int(0, 59)));
    const entVerified = verification === 'verified';
    const districtTail = park.districtCode.slice(3);
    if (demo) {
      addCert('high_tech', 'GR202344001856', '2023-12-28', '2026-12-27', true, createdMs + HOUR / 2);
      addCert('tech_sme', '202544060501872', '2025-04-16', '2025-12-31', true, createdMs + HOUR);
      addCert('tech_sme', '202644060502143', '2026-04-20', '2026-12-31', true, at('2026-04-24', 11, 5));
      addCert('specialized_sme', 'GDZJTX20240357', '2024-03-15', '2027-03-14', true, createdMs + HOUR);
      addCert('gazelle', 'FSDL2026031', '2026-10-30', '2028-10-29', false, at('2026-11-18', 16, 20));
    } else if (verification !== 'rejected') {
      const years = yearsBetween(foundedOn, DEMO_TODAY);
      if (years >= 2 && certRng.chance(0.62)) {
        const y = certRng.pick([2023, 2024, 2025]);
        const from = `${y}-12-${certRng.int(11, 28)}`;
        addCert(
          'high_tech',
          `GR${y}44${String(nextSerial('high_tech')).padStart(6, '0')}`,
          from,
          addDays(addYears(from, 3), -1),
          entVerified,
          certCreated(from),
        );
      }
      if (certRng.chance(0.6)) {
        for (const y of [2025, 2026]) {
          if (Number(foundedOn.slice(0, 4)) >= y) continue;
          const from = `${y}-0${certRng.int(3, 6)}-${certRng.int(10, 28)}`;
          const unverifiedNew = !entVerified;
          addCert(
            'tech_sme',
            `${y}4406${districtTail}0${String(nextSerial('tech_sme')).padStart(5, '0')}`,
            from,
            `${y}-12-31`,
            !unverifiedNew,
            certCreated(from),
          );
        }
      }
      if (years >= 3 && certRng.chance(0.32)) {
        const y = certRng.pick([2023, 2024, 2025]);
        const from = `${y}-0${certRng.int(1, 9)}-${certRng.int(10, 28)}`;
        addCert(
          'specialized_sme',
          `GDZJTX${y}${String(nextSerial('specialized_sme')).padStart(4, '0')}`,
          from,
          addDays(addYears(from, 3), -1),
          entVerified,
          certCreated(from),
        );
        if (certRng.chance(0.3)) {
          const y2 = certRng.pick([2024, 2025]);
          const from2 = `${y2}-07-${certRng.int(10, 28)}`;
          addCert(
            'little_giant',
            `XJR${y2}${String(nextSerial('little_giant')).padStart(4, '0')}`,
            from2,
            addDays(addYears(from2, 3), -1),
            entVerified,
            certCreated(from2),
          );
        }
      }
      if (certRng.chance(0.12)) {
        const from = `2025-09-${certRng.int(10, 28)}`;
        addCert('gazelle', `FSDL2025${String(nextSerial('gazelle')).padStart(3, '0')}`, from, addDays(addYears(from, 2), -1), entVerified, certCreated(from));
      }
      if (certRng.chance(0.05)) {
        const kind = certRng.chance(0.6) ? 'seed_unicorn' : 'potential_unicorn';
        const from = `2025-11-${certRng.int(10, 28)}`;
        addCert(
          kind,
          `FS${kind === 'seed_unicorn' ? 'ZZ' : 'QZ'}2025${String(nextSerial(kind)).padStart(3, '0')}`,
          from,
          addDays(addYears(from, 1), -1),
          entVerified,
          certCreated(from),
        );
      }
      // A certificate just uploaded, waiting for an admin.
      if (entVerified && certRng.chance(0.1) && !ent.certs.some((c) => c.kind === 'gazelle')) {
        const from = '2026-10-30';
        addCert(
          'gazelle',
          `FSDL2026${String(nextSerial('gazelle')).padStart(3, '0')}`,
          from,
          addDays(addYears(from, 2), -1),
          false,
          at(randomDate(certRng, '2026-11-10', '2026-11-19'), 15, certRng.int(0, 59)),
        );
      }
    }

    // ---- IP assets
    ent.ip = demo ? demoSmeIp(ent, ctx) : generateIp(ipRng, ent, ctx);
    ctx.rows.ipAssets.push(...ent.ip);
  }
}

function patentDigits(year: number, type: '1' | '2' | '3', serial: number): string {
  return `${year}${type}${String(serial).padStart(7, '0')}`;
}

function ipRow(ent: Ent, kind: IpRow['kind'], number: string, title: string, extra: Partial<IpRow>): IpRow {
  return {
    id: seedUuid('ip', `${ent.n}:${kind}:${number}`),
    enterpriseId: ent.id,
    kind,
    number,
    title,
    owners: [ent.name],
    inForce: true,
    feesPaid: true,
    status: 'free',
    createdAt: date(ent.createdMs + 2 * HOUR),
    updatedAt: date(ent.createdMs + 2 * HOUR),
    ...extra,
  };
}

function demoSmeIp(ent: Ent, ctx: Ctx): IpRow[] {
  const patent = (digits: string) => {
    ctx.patentNumbers.add(digits);
    return withPatentCheckChar(digits);
  };
  return [
    ipRow(ent, 'invention', patent('201910345678'), '一种基于机器视觉的工业机器人焊缝跟踪方法', {
      grantDate: '2021-06-22',
      expiryDate: '2039-03-12',
      valuationFen: wan(1200),
      appraiser: APPRAISERS[0],
      valuedOn: '2026-04-28',
    }),
    ipRow(ent, 'invention', patent('202110582341'), '一种多关节协作机器人的柔性力控装置', {
      grantDate: '2023-09-15',
      expiryDate: '2041-07-08',
      valuationFen: wan(680),
      appraiser: APPRAISERS[0],
      valuedOn: '2026-04-28',
    }),
    ipRow(ent, 'invention', patent('202210226715'), '一种伺服压装设备的压力位移在线监测方法', {
      owners: [ent.name, '华南理工大学'],
      grantDate: '2024-05-10',
      expiryDate: '2042-02-25',
    }),
    ipRow(ent, 'utility_model', patent('202220913457'), '一种快换式机器人末端夹具', { grantDate: '2022-09-27', expiryDate: '2032-04-19' }),
    ipRow(ent, 'utility_model', patent('202321047788'), '一种伺服电缸的散热结构', { grantDate: '2023-10-20', expiryDate: '2033-05-06' }),
    ipRow(ent, 'design', patent('202330162904'), '协作机器人（六轴）', { grantDate: '2023-08-11', expiryDate: '2038-03-21' }),
    ipRow(ent, 'trademark', '第36512874号', '科睿 KERUI（第7类）', {
      grantDate: '2019-10-14',
      expiryDate: '2029-10-13',
      valuationFen: wan(260),
      appraiser: APPRAISERS[2],
      valuedOn: '2026-04-28',
    }),
    ipRow(ent, 'trademark', '第58219036号', '科睿智造（第9类）', { grantDate: '2022-01-21', expiryDate: '2032-01-20' }),
    ipRow(ent, 'software_copyright', '2023SR0516783', '科睿设备远程运维管理系统V2.0', { grantDate: '2023-04-26', expiryDate: '2073-12-31' }),
    ipRow(ent, 'software_copyright', '2024SR1203359', '科睿焊接工艺数据库软件V1.0', { grantDate: '2024-08-09', expiryDate: '2074-12-31' }),
  ];
}

function generateIp(rng: Rng, ent: Ent, ctx: Ctx): IpRow[] {
  const out: IpRow[] = [];
  const foundedYear = Number(ent.foundedOn.slice(0, 4));
  const young = foundedYear >= 2022;
  const software = ent.line === 'software';
  const count = {
    invention: young ? rng.int(0, 1) : software ? rng.int(0, 2) : rng.int(1, 5),
    utility_model: software ? rng.int(0, 2) : rng.int(1, 7),
    design: ent.line === 'machine' || ent.line === 'electronic' ? rng.int(0, 2) : rng.int(0, 1),
    trademark: rng.int(1, 3),
    software_copyright: software ? rng.int(2, 5) : rng.int(0, 2),
    work_copyright: rng.chance(0.08) ? 1 : 0,
  };
  const coOwner = () => (rng.chance(0.15) ? [ent.name, rng.pick(UNIVERSITIES)] : [ent.name]);
  const usedTitles = new Set<string>();
  const title = (list: readonly string[]) => {
    const free = list.filter((t) => !usedTitles.has(t));
    const t = rng.pick(free.length ? free : list);
    usedTitles.add(t);
    return t;
  };
  const patent = (type: '1' | '2' | '3', kind: 'invention' | 'utility_model' | 'design', minYear: number, lagMonths: [number, number]) => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const year = rng.int(Math.max(foundedYear, minYear), 2025);
      const app = randomDate(rng, `${year}-01-05`, `${year}-12-28`);
      const grant = addMonths(app, rng.int(lagMonths[0], lagMonths[1]));
      if (grant > '2026-10-30' || app < ent.foundedOn) continue;
      const digits = patentDigits(year, type, kind === 'invention' ? rng.int(10_000, 1_999_999) : rng.int(200_000, 3_999_999));
      if (ctx.patentNumbers.has(digits)) continue;
      ctx.patentNumbers.add(digits);
      const termYears = kind === 'invention' ? 20 : kind === 'utility_model' ? 10 : app >= '2021-06-01' ? 15 : 10;
      return { number: withPatentCheckChar(digits), grant, expiry: addYears(app, termYears) };
    }
    return null;
  };
  const valued = (p: number, lo: number, hi: number, after: string): Partial<IpRow> =>
    rng.chance(p)
      ? {
          valuationFen: wan(round10(rng.logUniform(lo, hi))),
          appraiser: rng.pick(APPRAISERS),
          valuedOn: randomDate(rng, maxDay(after, '2025-01-10'), '2026-10-30'),
        }
      : {};
  for (let i = 0; i < count.invention; i++) {
    const p = patent('1', 'invention', 2012, [16, 40]);
    if (!p) continue;
    const inForce = p.expiry > DEMO_TODAY;
    out.push(
      ipRow(ent, 'invention', p.number, title(INVENTION_TITLES[ent.line]), {
        owners: coOwner(),
        grantDate: p.grant,
        expiryDate: p.expiry,
        inForce,
        feesPaid: inForce && !rng.chance(0.04),
        ...(inForce ? valued(0.6, 150, 2500, p.grant) : {}),
      }),
    );
  }
  for (let i = 0; i < count.utility_model; i++) {
    const p = patent('2', 'utility_model', 2013, [5, 12]);
    if (!p) continue;
    const inForce = p.expiry > DEMO_TODAY;
    out.push(
      ipRow(ent, 'utility_model', p.number, title(UTILITY_TITLES[ent.line]), {
        owners: coOwner(),
        grantDate: p.grant,
        expiryDate: p.expiry,
        inForce,
        feesPaid: inForce,
        ...(inForce ? valued(0.12, 50, 300, p.grant) : {}),
      }),
    );
  }
  for (let i = 0; i < count.design; i++) {
    const p = patent('3', 'design', 2016, [4, 10]);
    if (!p) continue;
    const inForce = p.expiry > DEMO_TODAY;
    out.push(ipRow(ent, 'design', p.number, title(DESIGN_TITLES), { grantDate: p.grant, expiryDate: p.expiry, inForce, feesPaid: inForce }));
  }
  const classes = rng.shuffle(TRADEMARK_CLASSES);
  for (let i = 0; i < count.trademark; i++) {
    const reg = randomDate(rng, maxDay(addYears(ent.foundedOn, 1), '2010-03-01'), '2026-06-30');
    let expiry = addDays(addYears(reg, 10), -1);
    if (expiry < DEMO_TODAY) expiry = addYears(expiry, 10); // renewed
    const number = `第${rng.int(6_000_000, 78_000_000)}号`;
    out.push(
      ipRow(ent, 'trademark', number, `${ent.trade}${i === 1 ? '图形商标' : ''}（第${classes[i % classes.length]}类）`, {
        grantDate: reg,
        expiryDate: expiry,
        ...valued(0.3, 100, 1200, reg),
      }),
    );
  }
  for (let i = 0; i < count.software_copyright; i++) {
    const year = rng.int(Math.max(foundedYear, 2015), 2026);
    const reg = randomDate(rng, `${year}-01-05`, year === 2026 ? '2026-10-30' : `${year}-12-28`);
    if (reg < ent.foundedOn) continue;
    out.push(
      ipRow(
        ent,
        'software_copyright',
        `${year}SR${String(rng.int(100_000, 1_999_999)).padStart(7, '0')}`,
        `${ent.trade}${title(SOFTWARE_TITLES)}V${rng.int(1, 3)}.0`,
        {
          grantDate: reg,
          expiryDate: `${year + 50}-12-31`,
        },
      ),
    );
  }
  for (let i = 0; i < count.work_copyright; i++) {
    const year = rng.int(Math.max(foundedYear, 2018), 2025);
    out.push(
      ipRow(ent, 'work_copyright', `国作登字-${year}-F-${String(rng.int(1_000_000, 19_999_999)).padStart(8, '0')}`, `${ent.trade}品牌标识设计`, {
        grantDate: randomDate(rng, `${year}-02-01`, `${year}-11-30`),
        expiryDate: `${year + 50}-12-31`,
      }),
    );
  }
  return out;
}
