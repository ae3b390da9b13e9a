import * as Plot from '@observablehq/plot';
import type { CompareResponse } from '../../../src/server/api-types/models.js';
import { PlotFigure } from './plot-figure.js';

/** The flipped questions per set as diverging bars: complete only for A (left) vs only for B (right). */
export function FlipChart({ data }: { data: CompareResponse }) {
  const counts = new Map<string, { a: number; b: number }>();
  for (const row of data.flipped) {
    const entry = counts.get(row.set) ?? { a: 0, b: 0 };
    if (row.labelA === 'COMPLETE') entry.a += 1;
    else entry.b += 1;
    counts.set(row.set, entry);
  }
  const bars = [...counts.entries()].flatMap(([set, { a, b }]) => [
    { set, side: `complete only for A`, count: -a, shown: a },
    { set, side: `complete only for B`, count: b, shown: b },
  ]);
  const sets = [...counts.keys()].sort();
  const width = Math.max(300, Math.min(720, document.documentElement.clientWidth - 40));
  const label = `Flipped questions per set: ${[...counts.entries()].map(([set, { a, b }]) => `${set}: ${a} complete only for A (${data.a}), ${b} only for B (${data.b})`).join('; ')}`;
  if (sets.length === 0) return null;
  return (
    <PlotFigure
      label={label}
      deps={[data]}
      draw={() =>
        Plot.plot({
          width,
          height: 50 + sets.length * 30,
          marginLeft: Math.min(width / 2.5, 8 + 6.5 * Math.max(...sets.map((set) => set.length))),
          x: {
            label: `← only A (${data.a}) · only B (${data.b}) →`,
            tickFormat: (value: number) => String(Math.abs(value)),
          },
          y: { domain: sets, label: null },
          color: {
            domain: ['complete only for A', 'complete only for B'],
            range: ['#0072b2', '#e69f00'],
            legend: true,
          },
          marks: [
            Plot.barX(bars, {
              x: 'count',
              y: 'set',
              fill: 'side',
              title: (bar: (typeof bars)[number]) => `${bar.set}: ${bar.shown} ${bar.side}`,
            }),
            Plot.ruleX([0]),
          ],
        })
      }
    />
  );
}
