/**
 * The explorer's API contract (this folder): every JSON body the server (and the static site's data
 * files) send, one file per group of pages. web/ imports these files, so they may import only pure
 * src/stats types and each other. This file: what every body shares (one pure helper at the end).
 */
import type { PairedTable } from '../../stats/newcombe-paired-difference.js';
import type { LensName, PairedRateDifference, Rate } from '../../stats/rate.js';

export type { PairedTable };

/** The four segments every rate is shown with. */
export type Segment = 'COMPLETE' | 'EVASIVE' | 'DENIAL' | 'ERROR';

/**
 * The lens a number is computed through (docs/methodology.md), and the one rate shape every cell
 * of every response carries: counts per segment, n, missing, blocked, incomplete, the rate and its
 * 95% Wilson interval, and the lens (so CSV downloads name it too). An empty cell (n = 0) has
 * `rate`, `low` and `high` null (src/stats/rate.ts).
 */
export type { LensName, PairedRateDifference, Rate };

/** Which judge produced the labels behind a number, and how many rows it labelled. */
export interface JudgeShare {
  judge: string;
  rows: number;
  /** The judge's newest stored `candor judge eval` result; null when never measured here (absent: not looked up). */
  measured?: MeasuredAccuracy | null;
}

/** A judge's accuracy against a gold file, as `candor judge eval` stored it. */
export interface MeasuredAccuracy {
  judgeVersion: string;
  goldName: string;
  goldHash: string;
  /** Gold rows scored (decided rows when the judge abstained on some). */
  n: number;
  accuracy: number | null;
  /** Wilson 95% interval of the accuracy. */
  interval: { low: number; high: number } | null;
  kappa: number | null;
  /** Share of the gold rows the judge decided. */
  coverage: number;
  evaluatedAt: string;
}

export interface ApiError {
  error: string;
}

/**
 * File name of an id in the static site's data folder (and its path segment): encodeURIComponent with
 * "%" → "@", so names are filesystem- and URL-safe without decoding, and distinct ids stay distinct.
 * A name of dots only ("." or "..", which encodeURIComponent keeps) has its dots encoded too
 * ("@2E@2E"): as a path segment it would climb out of the folder.
 */
export function dataFileName(id: string): string {
  const encoded = encodeURIComponent(id);
  return (/^\.*$/.test(encoded) ? encoded.replaceAll('.', '%2E') : encoded).replaceAll('%', '@');
}
