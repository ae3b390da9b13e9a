import { useEffect, useRef } from 'preact/hooks';

/**
 * A chart drawn by Observable Plot. Plot adds a <style> element to each chart, which the explorer's
 * CSP (style-src 'self') would refuse: it is removed before the chart enters the page, and the same
 * rules live in styles.css (.plot-chart).
 */
export function PlotFigure({ draw, deps, label }: { draw: () => Element; deps: readonly unknown[]; label: string }) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = draw();
    for (const style of chart.querySelectorAll('style')) style.remove();
    const svg = chart.tagName.toLowerCase() === 'svg' ? chart : chart.querySelector('svg');
    svg?.setAttribute('role', 'img');
    svg?.setAttribute('aria-label', label);
    holder.current?.replaceChildren(chart);
    return () => holder.current?.replaceChildren();
  }, deps);
  return <div class="plot-chart" ref={holder} />;
}
