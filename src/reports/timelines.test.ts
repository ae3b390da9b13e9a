import { describe, expect, it } from 'vitest';
import { exponentialMovingAverage } from '../stats/exponential-moving-average.js';
import { labIndex } from './lab-index.js';
import { dateMilliseconds, MONTH_MILLISECONDS } from './timelines.js';
import { releaseTimeline } from './timelines.js';
import { testDateTimeline } from './timelines.js';
import { makeLabelRow } from './test-support/make-label-row.js';

/** n rows for a model, the first `complete` of them COMPLETE. */
function modelRows(
  model: string,
  releaseDate: string | null,
  complete: number,
  n: number,
  creator: string | null = 'lab',
) {
  return Array.from({ length: n }, (_, index) =>
    makeLabelRow({
      model,
      creator,
      releaseDate,
      questionId: `q${index}`,
      label: index < complete ? 'COMPLETE' : 'DENIAL',
    }),
  );
}

describe('releaseTimeline', () => {
  it('orders each creator by release date with an EMA trend, and names undated models', () => {
    const rows = [
      ...modelRows('lab/new', '2025-04-01', 1, 4),
      ...modelRows('lab/old', '2025-01-01', 4, 4),
      ...modelRows('lab/undated', null, 2, 4),
    ];
    const timeline = releaseTimeline(rows, { halfLifeMonths: 3 });
    expect(timeline.undated).toEqual(['lab/undated']);
    expect(timeline.rows.map((row) => [row.model, row.rate])).toEqual([
      ['lab/old', 1],
      ['lab/new', 0.25],
    ]);
    // By hand: weights 1 (new) and 2^(−90 days / 3 months) (old).
    const decay = 2 ** (-(dateMilliseconds('2025-04-01') - dateMilliseconds('2025-01-01')) / (3 * MONTH_MILLISECONDS));
    expect(timeline.rows[1]!.trend).toBeCloseTo((0.25 + decay * 1) / (1 + decay), 12);
  });
});

describe('testDateTimeline', () => {
  it('keeps model-set pairs tested in two or more months', () => {
    const rows = [
      makeLabelRow({ model: 'a', receivedAt: '2025-01-10T00:00:00Z', label: 'COMPLETE' }),
      makeLabelRow({ model: 'a', questionId: 'q2', receivedAt: '2025-03-10T00:00:00Z', label: 'DENIAL' }),
      makeLabelRow({ model: 'b', receivedAt: '2025-01-10T00:00:00Z' }),
    ];
    expect(testDateTimeline(rows, { minPairs: 0 }).map((row) => [row.model, row.month, row.rate])).toEqual([
      ['a', '2025-01', 1],
      ['a', '2025-03', 0],
    ]);
    expect(testDateTimeline(rows, { all: true })).toHaveLength(3);
  });
});

describe('testDateTimeline: drift is paired on the same questions', () => {
  const month = (model: string, monthText: string, labels: string[]) =>
    labels.map((label, index) =>
      makeLabelRow({ model, questionId: `q${index}`, receivedAt: `${monthText}-10T00:00:00Z`, label }),
    );

  it('hides a later month with fewer than 30 questions in common with the first (n = 1–3 re-asks are not drift)', () => {
    const rows = [
      ...month('a', '2025-01', ['COMPLETE', 'COMPLETE', 'DENIAL']),
      ...month('a', '2025-02', ['DENIAL', 'DENIAL', 'DENIAL']),
    ];
    expect(testDateTimeline(rows)).toEqual([]);
  });

  it('shows the paired change from the first month, with n pairs, once there are 30 pairs', () => {
    const first = month(
      'a',
      '2025-01',
      Array.from({ length: 40 }, () => 'COMPLETE'),
    );
    // The second month re-asks 30 of the 40 questions: 10 now DENIAL.
    const second = month(
      'a',
      '2025-06',
      Array.from({ length: 30 }, (_, index) => (index < 10 ? 'DENIAL' : 'COMPLETE')),
    );
    const [january, june] = testDateTimeline([...first, ...second]);
    expect(january).toMatchObject({ month: '2025-01', total: 40, change: null });
    expect(june).toMatchObject({ month: '2025-06', total: 30 });
    expect(june!.change!.pairs).toBe(30);
    expect(june!.change!.difference.difference).toBeCloseTo(-10 / 30, 12);
    expect(june!.change!.difference.high).toBeLessThan(0);
  });
});

describe('releaseTimeline: ties', () => {
  it('averages models released the same day into one trend point, whatever their names', () => {
    const rows = [
      makeLabelRow({ model: 'lab/z', creator: 'lab', releaseDate: '2025-01-01', label: 'COMPLETE' }),
      makeLabelRow({ model: 'lab/a', creator: 'lab', releaseDate: '2025-01-01', label: 'DENIAL' }),
    ];
    const timeline = releaseTimeline(rows);
    expect(timeline.rows.map((row) => row.trend)).toEqual([0.5, 0.5]);
  });
});

describe('labIndex', () => {
  const rows = [
    ...modelRows('lab/jan-a', '2025-01-05', 8, 10),
    ...modelRows('lab/jan-b', '2025-01-20', 4, 10),
    ...modelRows('lab/apr', '2025-04-10', 2, 10),
    ...modelRows('lab/too-old', '2023-01-01', 10, 10),
    ...modelRows('other/one', '2025-02-01', 5, 10, 'other'),
  ];

  it('averages each release month, smooths with the EMA, and reads it at the last month', () => {
    const index = labIndex(rows, { windowMonths: 12, halfLifeMonths: 3, draws: 2000 });
    expect(index.asOf).toBe('2025-04-10');
    const lab = index.rows.find((row) => row.creator === 'lab')!;
    expect(lab.models).toHaveLength(3);
    expect(lab.months).toBe(2);
    // Monthly means: January (0.8 + 0.4) / 2 = 0.6, April 0.2; the EMA's last point is the index.
    const expected = exponentialMovingAverage(
      [
        { t: Date.UTC(2025, 0, 1), value: 0.6 },
        { t: Date.UTC(2025, 3, 1), value: 0.2 },
      ],
      3 * MONTH_MILLISECONDS,
    ).at(-1)!.value;
    expect(lab.index).toBeCloseTo(expected, 12);
    expect(lab.low).toBeLessThan(lab.index);
    expect(lab.high).toBeGreaterThan(lab.index);
  });

  it('leaves out models released before the window', () => {
    const index = labIndex(rows, { asOf: '2025-04-30', windowMonths: 1 });
    expect(index.rows.map((row) => row.models)).toEqual([['lab/apr']]);
  });
});
