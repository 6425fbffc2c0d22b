'use client';
// Charts of the dashboard (recharts). Each chart is a picture of the table printed under it, which
// is what screen readers and exports use; the chart itself is labelled and hidden from the tab order.
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface Series {
  key: string;
  name: string;
  /** Bars (default) or a line (over months). */
  type?: 'bar' | 'line';
  /** The right axis is for a second unit (counts beside amounts, rates); lines default to it. */
  axis?: 'left' | 'right';
  /** Value shown in the tooltip: percent for ratios. */
  format?: 'number' | 'percent' | 'wan';
}

export type ChartDatum = { label: string } & Record<string, number | string | null>;

const COLORS = ['#1d4ed8', '#0f766e', '#b45309', '#7c3aed', '#be123c', '#4d7c0f'];

function formatValue(v: unknown, format: Series['format']): string {
  if (typeof v !== 'number') return '—';
  if (format === 'percent') return `${(v * 100).toFixed(2)}%`;
  if (format === 'wan') return v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return v.toLocaleString('zh-CN');
}

export function FigureChart({
  title,
  data,
  series,
  height = 280,
  testId,
}: {
  title: string;
  data: ChartDatum[];
  series: Series[];
  height?: number;
  testId?: string;
}) {
  const axisOf = (s: Series) => s.axis ?? (s.type === 'line' ? 'right' : 'left');
  const hasRight = series.some((s) => axisOf(s) === 'right');
  const byKey = new Map(series.map((s) => [s.key, s]));
  return (
    <figure role="img" aria-label={title} className="w-full" data-testid={testId}>
      <div style={{ width: '100%', height }}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 8, right: hasRight ? 8 : 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis
              dataKey="label"
              tick={{ fontSize: 12 }}
              interval={0}
              angle={data.length > 8 ? -30 : 0}
              textAnchor={data.length > 8 ? 'end' : 'middle'}
              height={data.length > 8 ? 72 : 30}
            />
            <YAxis yAxisId="left" tick={{ fontSize: 12 }} width={72} />
            {hasRight && <YAxis yAxisId="right" orientation="right" tick={{ fontSize: 12 }} width={56} />}
            <Tooltip formatter={(value, name, item) => [formatValue(value, byKey.get(String(item?.dataKey ?? ''))?.format), name]} />
            <Legend verticalAlign="top" wrapperStyle={{ fontSize: 12, paddingBottom: 8 }} />
            {series.map((s, i) =>
              s.type === 'line' ? (
                <Line
                  key={s.key}
                  yAxisId={axisOf(s)}
                  type="linear"
                  dataKey={s.key}
                  name={s.name}
                  stroke={COLORS[i % COLORS.length]}
                  strokeWidth={2}
                  dot
                  isAnimationActive={false}
                  connectNulls
                />
              ) : (
                <Bar key={s.key} yAxisId={axisOf(s)} dataKey={s.key} name={s.name} fill={COLORS[i % COLORS.length]} isAnimationActive={false} />
              ),
            )}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** The needs funnel: one horizontal bar per stage. */
export function FunnelChart({ title, data }: { title: string; data: { label: string; count: number }[] }) {
  return (
    <figure role="img" aria-label={title} className="w-full" data-testid="funnel-chart">
      <div style={{ width: '100%', height: 60 + data.length * 40 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
            <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Bar dataKey="count" name={title} fill={COLORS[0]} isAnimationActive={false} label={{ position: 'right', fontSize: 12 }} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
