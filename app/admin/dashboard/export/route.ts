// GET /admin/dashboard/export — a table of the dashboard, a whole drill-down list or the monthly
// report as CSV (UTF-8 with a byte order mark, so Excel reads the Chinese) or XLSX. Column headers
// are Chinese whatever the admin's language; the file name carries the period and the filters.
import type { NextRequest } from 'next/server';
import { apiError, apiFailure } from '@/app/api/v1/http';
import {
  breakdownTable,
  csvCell,
  csvLine,
  figureLines,
  figureLinesTable,
  funnelByTable,
  funnelTotalTable,
  leagueTable,
  listColumns,
  monthlyTable,
  schemesTable,
  TOTAL_KEY,
  type Column,
  type ListNames,
  type TableSpec,
} from '@/lib/figures/tables';
import type { Db } from '@/db';
import { requireActor } from '@/lib/auth/session';
import { zoneDay } from '@/lib/core/dates';
import { logError } from '@/lib/server/log';
import { withFiguresDb } from '@/lib/server/read-db';
import {
  figureList,
  figuresBreakdown,
  league,
  LEAGUE_ALL,
  monthlyReport,
  needsFunnel,
  resolveFilter,
  staleNeedsPage,
  zoneFigures,
  type ResolvedFilter,
} from '@/lib/figures/service';
import { filterLists } from '@/lib/figures/views';
import { categoryName } from '@/lib/products/categories';
import { makeTranslate } from '@/lib/i18n/translate';
import { paramsToObject } from '@/lib/validation/catalogue';
import { figureExportQuerySchema, type FigureExportQuery, type FigureList } from '@/lib/validation/figures';
import { writeXlsx } from './xlsx';

/** A list export stops here; the dashboard's lists are far smaller, a whole table would not be. */
const MAX_LIST_ROWS = 100_000;
const BATCH = 1_000;

const t = makeTranslate('zh');

interface Export {
  title: string;
  columns: Column<unknown>[];
  /** Rows in batches, so a long list is never held whole for CSV. */
  batches: () => AsyncGenerator<unknown[]>;
}

function single<R>(title: string, spec: TableSpec<R>): Export {
  return {
    title,
    columns: spec.columns as Column<unknown>[],
    batches: async function* () {
      yield spec.rows as unknown[];
    },
  };
}

async function buildExport(db: Db, q: FigureExportQuery, f: ResolvedFilter, names: ListNames): Promise<Export> {
  switch (q.table) {
    case 'figures': {
      const [z, stale] = await Promise.all([zoneFigures(db, f), staleNeedsPage(db, f, 1, 1)]);
      return single(t('figures.exports.figures'), figureLinesTable(t, figureLines(t, z, stale.total), z.schemes));
    }
    case 'breakdown':
      return single(
        `${t('figures.exports.breakdown')}-${t(`figures.breakdowns.${q.breakdown}`)}`,
        breakdownTable(t, 'zh', q.breakdown, await figuresBreakdown(db, f, q.breakdown))!,
      );
    case 'funnel': {
      const { total, rows } = await needsFunnel(db, f, q.breakdown);
      if (rows.length === 0) return single(t('figures.exports.funnel'), funnelTotalTable(t, total));
      const withTotal = [{ key: TOTAL_KEY, narrow: {}, steps: total }, ...rows];
      return single(`${t('figures.exports.funnel')}-${t(`figures.breakdowns.${q.breakdown}`)}`, funnelByTable(t, 'zh', q.breakdown, withTotal));
    }
    case 'league':
      return single(t('figures.exports.league'), leagueTable(t, (await league(db, f, 1, LEAGUE_ALL)).items));
    case 'schemes':
      return single(t('figures.exports.schemes'), schemesTable(t, (await zoneFigures(db, f)).schemes));
    case 'monthly': {
      const month = q.month ?? zoneDay().slice(0, 7);
      const report = await monthlyReport(db, month, { parkId: f.parkId });
      return single(`${t('figures.exports.monthly')}-${month}`, monthlyTable(t, report.lines));
    }
    default: {
      const list = q.table as FigureList;
      const first = await figureList(db, list, f, { variant: q.variant, scheme: q.scheme, page: 1, pageSize: BATCH });
      const titled = [t(`figures.lists.titles.${list}`), q.variant ? t(`figures.lists.variants.${q.variant}`) : null, q.scheme ?? null]
        .filter(Boolean)
        .join('-');
      return {
        title: titled,
        columns: listColumns(t, list, names) as Column<unknown>[],
        batches: async function* () {
          yield first.items;
          const last = Math.ceil(Math.min(first.total, MAX_LIST_ROWS) / BATCH);
          for (let page = 2; page <= last; page++) yield (await figureList(db, list, f, { variant: q.variant, scheme: q.scheme, page, pageSize: BATCH })).items;
        },
      };
    }
  }
}

const unsafe = /[\\/:*?"<>|\s]+/g;

function fileNames(q: FigureExportQuery, f: ResolvedFilter, title: string, names: { park?: string; institution?: string; category?: string }) {
  const ext = q.format;
  const isCurrent = q.table === 'monthly' || q.table === 'institutions' || q.table === 'products' || q.table === 'enterprises' || q.table === 'stale';
  const period = isCurrent ? null : `${f.from}至${f.to}`;
  const filters = [names.park ?? null, names.institution ?? null, names.category ?? null];
  const zh = ['科融通', title, period, ...filters].filter(Boolean).join('_').replace(unsafe, '-');
  const ascii = [
    'kerongtong',
    q.table +
      (q.variant ? `-${q.variant}` : '') +
      (q.scheme ? `-${q.scheme}` : '') +
      (q.table === 'breakdown' || q.table === 'funnel' ? `-${q.breakdown}` : ''),
    q.table === 'monthly' ? (q.month ?? zoneDay().slice(0, 7)) : isCurrent ? null : `${f.from}_${f.to}`,
    f.parkCode ? `park-${f.parkCode}` : null,
    f.institutionId ? `institution-${f.institutionId.slice(0, 8)}` : null,
    f.category ? `category-${f.category}` : null,
  ]
    .filter(Boolean)
    .join('_');
  return { zh: `${zh}.${ext}`, ascii: `${ascii}.${ext}` };
}

function disposition(names: { zh: string; ascii: string }): string {
  return `attachment; filename="${names.ascii}"; filename*=UTF-8''${encodeURIComponent(names.zh)}`;
}

export async function GET(req: NextRequest) {
  try {
    await requireActor(['admin']);
  } catch (e) {
    return apiFailure(e);
  }
  const raw = paramsToObject(req.nextUrl.searchParams);
  const parsed = figureExportQuerySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return apiError(400, 'invalid_parameter', issue.message, String(issue.path[0] ?? ''));
  }
  const q = parsed.data;
  try {
    // On the read replica when there is one (lib/server/read-db.ts); a list's later batches are read from
    // whichever database answered the first.
    const { f, institutions, exp, listNames } = await withFiguresDb(async (db) => {
      const f = await resolveFilter(db, q);
      const { parks, institutions, categories } = await filterLists(db, { institutions: Boolean(f.institutionId) });
      // Exports are in Chinese, whatever the request's language (their files go to the zone's reports).
      const listNames: ListNames = {
        park: (id: number) => parks.find((p) => p.id === id)?.name ?? String(id),
        category: (code: string) => categoryName(categories, code, 'zh'),
      };
      return { f, institutions, listNames, exp: await buildExport(db, q, f, listNames) };
    });
    const names = fileNames(q, f, exp.title, {
      park: f.parkId != null ? listNames.park(f.parkId) : undefined,
      institution: f.institutionId ? (institutions.find((i) => i.id === f.institutionId)?.name ?? undefined) : undefined,
      category: f.category ? listNames.category(f.category) : undefined,
    });
    const headers = { 'Content-Disposition': disposition(names), 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };

    if (q.format === 'xlsx') {
      const body = await writeXlsx(exp.title, exp.columns, exp.batches());
      return new Response(new Uint8Array(body), {
        headers: { ...headers, 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      });
    }
    const encoder = new TextEncoder();
    const batches = exp.batches();
    let started = false;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          if (!started) {
            started = true;
            controller.enqueue(encoder.encode(`\uFEFF${csvLine(exp.columns.map((c) => c.header))}`));
            return;
          }
          const next = await batches.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value.map((r) => csvLine(exp.columns.map((c) => csvCell(c.cell(r))))).join('')));
        } catch (e) {
          logError('export', e);
          controller.error(e);
        }
      },
    });
    return new Response(stream, { headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8' } });
  } catch (e) {
    return apiFailure(e);
  }
}
