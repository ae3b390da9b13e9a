import { useEffect, useRef } from 'preact/hooks';

/**
 * A chart drawn by Observable Plot. Plot adds a <style> element to each chart, which the explorer's
 * CSP (style-src 'self') would refuse: it is removed before the chart enters the page, and the same
 * rules live in styles.css (.plot-chart). The whole chart is one image labelled by `label`.
 */
export function PlotFigure({ draw, deps, label }: { draw: () => Element; deps: readonly unknown[]; label: string }) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = draw();
    for (const style of chart.querySelectorAll('style')) style.remove();
    const svg = chart.tagName.toLowerCase() === 'svg' ? chart : chart.querySelector('svg');
    // The chart is one image with one description: Plot's labels on inner groups (no role there) go.
    for (const inner of chart.querySelectorAll('svg [aria-label], svg [aria-description]')) {
      inner.removeAttribute('aria-label');
      inner.removeAttribute('aria-description');
    }
    svg?.setAttribute('role', 'img');
    svg?.setAttribute('aria-label', label);
    holder.current?.replaceChildren(chart);
    return () => holder.current?.replaceChildren();
  }, deps);
  return <div class="plot-chart" ref={holder} />;
}
