import type { ReportDimension } from '../store/index.js';

/**
 * One side of a paired comparison: a model (all its routes), a model through one upstream route,
 * one run (drift: the same model tested twice), or a model in one language (paired through
 * translation links).
 */
export type CompareSide =
  | { kind: 'model'; model: string }
  | { kind: 'route'; model: string; route: string }
  | { kind: 'run'; runId: string }
  | { kind: 'language'; model: string; language: string };

/** The store filters that select a side's rows. */
export function sideFilters(side: CompareSide): Partial<Record<ReportDimension, string>> {
  switch (side.kind) {
    case 'model':
      return { model: side.model };
    case 'route':
      return { model: side.model, route: side.route };
    case 'run':
      return { run: side.runId };
    case 'language':
      return { model: side.model, language: side.language };
  }
}

/** A side as written on the command line: `model`, `model@route`, `run:<id>`, `model` in `language`. */
export function describeSide(side: CompareSide): string {
  switch (side.kind) {
    case 'model':
      return side.model;
    case 'route':
      return `${side.model}@${side.route}`;
    case 'run':
      return `run:${side.runId}`;
    case 'language':
      return `${side.model} [${side.language}]`;
  }
}
