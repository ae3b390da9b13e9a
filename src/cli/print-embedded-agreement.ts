import { VERDICT_LABELS } from '../core/index.js';
import { createEmbeddedJudge } from '../judge/embedded/index.js';
import { evaluateLabels } from '../judge/metrics/index.js';
import type { CandorStore } from '../store/index.js';
import type { CliIo } from './cli-io.js';
import { createProgress } from './create-progress.js';

/** SpeechMap's judge of the government-criticism sets. */
export const SPEECHMAP_JUDGE = 'x-ai/grok-4.1-fast';

/**
 * Judges the successful responses of `sets` with the embedded judge (in memory: the stored
 * labels and the default report stay SpeechMap's) and prints its agreement with SpeechMap's judge.
 */
export async function printEmbeddedAgreement(
  store: CandorStore,
  io: CliIo,
  sets: readonly string[],
  options: { quiet?: boolean } = {},
): Promise<void> {
  const reference = (await store.listLabelRows({ judge: SPEECHMAP_JUDGE, filters: { set: [...sets] } })).filter((row) =>
    (VERDICT_LABELS as readonly string[]).includes(row.label),
  );
  if (reference.length === 0) return;
  const judge = createEmbeddedJudge();
  const questionText = new Map<string, string>();
  for (const set of sets)
    for (const question of await store.getQuestions(set)) questionText.set(`${set}\u0000${question.id}`, question.text);
  const answerText = new Map<number, string | null>();
  for (const set of sets)
    for (const response of await store.listResponses({ setName: set }))
      answerText.set(response.responseId, response.finalText);
  const progress = createProgress(io, 'embedded judge', { quiet: options.quiet });
  const gold: string[] = [];
  const predicted: string[] = [];
  const started = performance.now();
  for (const [index, row] of reference.entries()) {
    const verdict = judge.judge({
      question: questionText.get(`${row.set}\u0000${row.questionId}`) ?? '',
      response: answerText.get(row.responseId) ?? '',
    });
    gold.push(row.label);
    predicted.push(verdict.label);
    if (index % 200 === 0 || index === reference.length - 1) progress.update(index + 1, reference.length);
  }
  progress.stop();
  const seconds = (performance.now() - started) / 1000;
  const report = evaluateLabels(gold, predicted, VERDICT_LABELS);
  const pct = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
  io.stdout.write(
    `\n== Embedded judge (${judge.id}@${judge.version}, offline) vs SpeechMap's judge (${SPEECHMAP_JUDGE}) ==\n` +
      `${report.n} responses in ${seconds.toFixed(1)} s: agreement ${pct(report.accuracy)}, Cohen's kappa ${report.kappa === null ? '—' : report.kappa.toFixed(3)}\n` +
      VERDICT_LABELS.map(
        (label) =>
          `  ${label.padEnd(8)} recall ${pct(report.per_class[label]?.recall ?? null)}  precision ${pct(report.per_class[label]?.precision ?? null)}`,
      ).join('\n') +
      '\n(In-sample: the embedded judge was trained on these labels. Held-out numbers are in docs/embedded-judge.md.' +
      '\n Not stored; `candor judge run --judge embedded` stores its labels.)\n',
  );
}
