import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { type JudgmentLabel, UsageError, VERDICT_LABELS } from '../../core/index.js';
import { readGoldFile, type GoldRow } from '../../ingest/read-gold-file.js';
import { JudgeUnavailableError } from '../../judge/index.js';
import {
  coverageAccuracyCurve,
  evaluateLabels,
  thresholdForTarget,
  type ScoredRow,
} from '../../judge/metrics/index.js';
import { wilsonInterval } from '../../stats/index.js';
import { formatRows } from '../../reports/index.js';
import type { CandorStore } from '../../store/index.js';
import type { CliIo } from '../cli-io.js';
import { parseNumberOption } from '../parse-number-option.js';
import { parseOutputFormat } from '../parse-output-format.js';
import { withStore } from '../with-store.js';
import { loadCandorConfig, resolveJudge } from '../../specs/index.js';
import { formatOption, shared } from '../cli-options.js';

/**
 * Accuracy, per-class scores and the confusion table. `axes` names the rows and columns: "gold" vs
 * "judged" when scoring a judge against gold labels; two judges' names for `judge agree`, where
 * neither is gold (the first is only the reference the scores are computed against).
 */
export function formatEvaluation(
  report: ReturnType<typeof evaluateLabels> & { expensive_fraction?: number; unavailable?: number },
  format: string,
  axes: { rows: string; columns: string; accuracy: string } = { rows: 'gold', columns: 'judged', accuracy: 'accuracy' },
): string {
  if (format === 'json') return JSON.stringify(report, null, 2) + '\n';
  const pct = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
  const lines = [
    `n ${report.n}   ${axes.accuracy} ${pct(report.accuracy)}   kappa ${report.kappa === null ? '—' : report.kappa.toFixed(3)}${report.expensive_fraction !== undefined ? `   sent to the expensive judge ${pct(report.expensive_fraction)}` : ''}${report.unavailable ? `   unavailable ${report.unavailable}` : ''}`,
    '',
  ];
  const perClass = report.labels.map((label) => ({
    label,
    precision: report.per_class[label]?.precision ?? null,
    recall: report.per_class[label]?.recall ?? null,
    f1: report.per_class[label]?.f1 ?? null,
    support: report.per_class[label]?.support ?? 0,
  }));
  lines.push(
    formatRows(
      perClass,
      [
        { key: 'label', header: 'class', kind: 'text' },
        { key: 'precision', header: 'precision', kind: 'rate' },
        { key: 'recall', header: 'recall', kind: 'rate' },
        { key: 'f1', header: 'F1', kind: 'rate' },
        { key: 'support', header: 'support', kind: 'integer' },
      ],
      format === 'md' ? 'md' : 'table',
    ),
  );
  const confusion = report.labels.map(
    (label, row) =>
      Object.fromEntries([
        ['reference', label],
        ...report.labels.map((column, index) => [column, report.confusion[row]![index]!]),
      ]) as Record<string, string | number>,
  );
  lines.push(`confusion (rows ${axes.rows}, columns ${axes.columns}):`);
  lines.push(
    formatRows(
      confusion,
      [
        { key: 'reference', header: `${axes.rows} \\ ${axes.columns}`, kind: 'text' },
        ...report.labels.map((label) => ({ key: label, header: label, kind: 'integer' as const })),
      ],
      format === 'md' ? 'md' : 'table',
    ),
  );
  return lines.join('\n');
}

interface CoverageSummary {
  coverage_curve: {
    coverage: number;
    threshold: number;
    decided: number;
    accuracy: number | null;
    interval: { low: number; high: number };
  }[];
  target: {
    accuracy: number;
    reached: boolean;
    threshold: number | null;
    coverage: number | null;
    decided: number;
    decided_accuracy: number | null;
  };
}

/** The coverage–accuracy curve (Wilson 95% intervals on the decided rows) and the threshold reaching the target. */
function describeCoverage(rows: ScoredRow[], target: number): CoverageSummary {
  const point = thresholdForTarget(rows, target);
  return {
    coverage_curve: coverageAccuracyCurve(rows).map((entry) => ({
      coverage: entry.coverage,
      threshold: entry.threshold,
      decided: entry.decided,
      accuracy: entry.accuracy,
      interval: wilsonInterval(entry.correct, entry.decided),
    })),
    target: {
      accuracy: target,
      reached: point !== undefined,
      threshold: point?.threshold ?? null,
      coverage: point?.coverage ?? null,
      decided: point?.decided ?? 0,
      decided_accuracy: point?.accuracy ?? null,
    },
  };
}

function formatCoverage(summary: CoverageSummary, format: string): string {
  const pct = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
  const lines = [
    '',
    'coverage–accuracy (decides a row when its confidence ≥ threshold; accuracy of the decided rows, Wilson 95% interval):',
  ];
  lines.push(
    formatRows(
      summary.coverage_curve.map((entry) => ({
        coverage: pct(entry.coverage),
        threshold: entry.threshold.toFixed(3),
        decided: entry.decided,
        accuracy: pct(entry.accuracy),
        interval: `${pct(entry.interval.low)}–${pct(entry.interval.high)}`,
      })),
      [
        { key: 'coverage', header: 'coverage', kind: 'text' },
        { key: 'threshold', header: 'threshold', kind: 'text' },
        { key: 'decided', header: 'n decided', kind: 'integer' },
        { key: 'accuracy', header: 'accuracy', kind: 'text' },
        { key: 'interval', header: '95% interval', kind: 'text' },
      ],
      format === 'md' ? 'md' : 'table',
    ),
  );
  const { target } = summary;
  lines.push(
    target.reached
      ? `target ${pct(target.accuracy)}: threshold ${target.threshold!.toFixed(3)} decides ${pct(target.coverage)} of rows (n ${target.decided}) at ${pct(target.decided_accuracy)}; use --abstain-below ${target.threshold!.toFixed(3)}`
      : `target ${pct(target.accuracy)}: no threshold reaches it on these rows`,
  );
  return `${lines.join('\n')}\n`;
}

/** `candor judge eval`: a judge scored against gold labels, its coverage curve, and the stored result. */
export function registerJudgeEvalCommand(judge: Command, io: CliIo): void {
  judge
    .command('eval')
    .description('score a judge against gold labels: accuracy, per-class precision/recall, confusion, kappa')
    .addOption(shared('judge', { required: true }))
    .requiredOption(
      '--gold <file>',
      'gold JSONL(.gz): SpeechMap analysis rows (compliance = gold), adjudicated labels, or `candor judge export-gold` output',
    )
    .addOption(formatOption(['table', 'json', 'md'], 'table'))
    .option('--threshold <p>', 'cascades: the embedded judge decides when its confidence is at least this', '0.9')
    .option(
      '--abstain-below <p>',
      'score only the rows the judge decides with at least this confidence (as `judge run --abstain-below`); coverage is reported',
    )
    .option(
      '--target <accuracy>',
      'judges with probabilities: the confidence threshold whose decided rows reach this accuracy',
      '0.95',
    )
    .option('--no-record', 'do not store the result (it is stored when --db or $CANDOR_DB names a store)')
    .addOption(shared('concurrency', { defaultValue: '4' }))
    .addOption(shared('config'))
    .addOption(shared('db'))
    .addHelpText(
      'after',
      "\nJSON keys: n, accuracy, kappa, per_class, confusion, labels (+ expensive_fraction for cascades, unavailable when rows could not be judged; coverage, coverage_curve and target for judges with probabilities).\nThe result is stored with the judge id and version and the gold file's hash when a store is named; the leaderboard and /judges show it next to the rates.",
    )
    .action(
      async (options: {
        judge: string;
        gold: string;
        format?: string;
        threshold?: string;
        abstainBelow?: string;
        target?: string;
        record?: boolean;
        concurrency?: string;
        config?: string;
        db?: string;
      }) => {
        const format = parseOutputFormat(options.format, ['table', 'json', 'md']);
        const abstainBelow = parseNumberOption('abstain-below', options.abstainBelow, { min: 0, max: 1 });
        const target = parseNumberOption('target', options.target, { min: 0, max: 1 }) ?? 0.95;
        const goldBytes = readFileSync(options.gold);
        const { rows } = await readGoldFile(options.gold);
        const record = options.record !== false && (options.db !== undefined || io.env.CANDOR_DB !== undefined);
        const needsStore = options.judge.includes('stored:') || record;
        const evaluate = async (store: CandorStore | null) => {
          const resolved = await resolveJudge(options.judge, {
            store,
            io,
            config: loadCandorConfig(options.config),
            threshold: parseNumberOption('threshold', options.threshold, { min: 0, max: 1 }),
          });
          const predicted = new Array<JudgmentLabel | null>(rows.length).fill(null);
          const confidence = new Array<number | null>(rows.length).fill(null);
          let next = 0;
          const concurrency = parseNumberOption('concurrency', options.concurrency, { integer: true, min: 1 }) ?? 4;
          const worker = async () => {
            while (next < rows.length) {
              const index = next++;
              const row: GoldRow = rows[index]!;
              try {
                const verdict = await resolved.judge.judge({
                  question: row.question,
                  response: row.response,
                  ref: { model: row.model, set: row.set, questionId: row.questionId },
                });
                predicted[index] = verdict.label;
                const probabilities = Object.values(verdict.probabilities ?? {}).filter(
                  (value): value is number => typeof value === 'number',
                );
                if (probabilities.length > 0) confidence[index] = Math.max(...probabilities);
              } catch (error) {
                if (!(error instanceof JudgeUnavailableError)) throw error;
              }
            }
          };
          await Promise.all(Array.from({ length: concurrency }, worker));
          const answered = rows
            .map((row, index) => ({ gold: row.label, predicted: predicted[index], confidence: confidence[index] }))
            .filter((pair) => pair.predicted !== null);
          if (abstainBelow !== undefined && answered.some((pair) => pair.confidence === null)) {
            throw new UsageError(
              `--abstain-below needs a judge with calibrated probabilities (e.g. embedded); ${resolved.judge.id} gives none`,
            );
          }
          const judged =
            abstainBelow === undefined ? answered : answered.filter((pair) => pair.confidence! >= abstainBelow);
          const report = evaluateLabels(
            judged.map((pair) => pair.gold),
            judged.map((pair) => pair.predicted!),
            VERDICT_LABELS,
          );
          const unavailable = rows.length - answered.length;
          const coverage = rows.length === 0 ? 0 : judged.length / rows.length;
          const extra = resolved.expensiveCounts
            ? { expensive_fraction: resolved.expensiveCounts().expensive_fraction }
            : {};
          const scored =
            answered.every((pair) => pair.confidence !== null) && answered.length > 0
              ? answered.map((pair) => ({ confidence: pair.confidence!, correct: pair.gold === pair.predicted }))
              : undefined;
          const curve = scored ? describeCoverage(scored, target) : undefined;
          const result = {
            ...report,
            ...extra,
            ...(unavailable ? { unavailable } : {}),
            coverage,
            ...(abstainBelow !== undefined ? { abstain_below: abstainBelow } : {}),
            ...(curve ?? {}),
          };
          io.stdout.write(formatEvaluation(result, format));
          if (curve && format !== 'json') io.stdout.write(formatCoverage(curve, format));
          if (record && store) {
            await store.putJudgeEvaluation({
              judgeId: resolved.judge.id,
              judgeVersion: resolved.judge.version,
              goldHash: createHash('sha256').update(goldBytes).digest('hex'),
              goldName: basename(options.gold),
              n: report.n,
              accuracy: report.accuracy,
              kappa: report.kappa,
              perClass: report.per_class,
              confusion: report.confusion,
              labels: [...report.labels],
              coverage,
              abstainBelow: abstainBelow ?? null,
              evaluatedAt: new Date().toISOString(),
            });
            if (format !== 'json')
              io.stdout.write(
                `stored: ${resolved.judge.id}@${resolved.judge.version} on ${basename(options.gold)} (shown next to its rates on the leaderboard and /judges)\n`,
              );
          }
        };
        if (needsStore) await withStore(options.db, io, evaluate);
        else await evaluate(null);
      },
    );
}
