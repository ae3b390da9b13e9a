import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { isJudgmentLabel, NotFoundError, UsageError, VERDICT_LABELS } from '../../core/index.js';
import { evaluateLabels } from '../../judge/metrics/index.js';
import { judgeResponses } from '../../runner/index.js';
import type { CliIo } from '../cli-io.js';
import { createProgress } from '../create-progress.js';
import { parseNumberOption } from '../parse-number-option.js';
import { parseOutputFormat } from '../parse-output-format.js';
import { withStore } from '../with-store.js';
import { enqueueJudging } from './enqueue-judging.js';
import { loadCandorConfig, resolveJudge } from '../../specs/index.js';
import { EXIT_CODES } from '../exit-codes.js';
import { formatEvaluation, registerJudgeEvalCommand } from './judge-eval-command.js';
import { formatOption, shared, singleFilter } from '../cli-options.js';

export function registerJudgeCommand(program: Command, io: CliIo): void {
  const judge = program.command('judge').description('label responses, measure judges, adjudicate');

  judge
    .command('run')
    .description(
      'judge every stored response that this judge has not judged yet (failed outcomes are labelled without calling it)',
    )
    .addOption(shared('judge', { required: true }))
    .addOption(shared('run'))
    .addOption(shared('models'))
    .addOption(shared('sets'))
    .option('--follow', 'keep judging new responses as a run stores them, until the run stops')
    .addOption(shared('concurrency', { defaultValue: '4' }))
    .addOption(shared('rpm'))
    .option('--threshold <p>', 'cascades: the embedded judge decides when its confidence is at least this', '0.9')
    .option(
      '--abstain-below <p>',
      '--judge embedded: leave responses whose calibrated confidence is below this unlabelled (they still need a judge; see `judge eval` for the threshold that reaches a target accuracy)',
    )
    .addOption(shared('config'))
    .option('--quiet', 'no progress output')
    .option(
      '--enqueue',
      'do not judge here: store one work item per response for `candor worker` processes (--rpm becomes a limit shared by all workers)',
    )
    .addOption(shared('rateWindowMs'))
    .addOption(shared('db'))
    .action(
      async (options: {
        judge: string;
        run?: string;
        model?: string;
        set?: string;
        follow?: boolean;
        concurrency?: string;
        rpm?: string;
        threshold?: string;
        abstainBelow?: string;
        config?: string;
        quiet?: boolean;
        enqueue?: boolean;
        rateWindowMs?: string;
        db?: string;
      }) => {
        options.model = singleFilter(options.model, '--models');
        options.set = singleFilter(options.set, '--sets');
        const abstainBelow = parseNumberOption('abstain-below', options.abstainBelow, { min: 0, max: 1 });
        if (abstainBelow !== undefined && options.judge !== 'embedded')
          throw new UsageError(
            `--abstain-below goes with --judge embedded (a cascade leaves rows unlabelled when its expensive judge cannot decide them), not with --judge ${options.judge}`,
          );
        if (abstainBelow !== undefined && options.enqueue)
          throw new UsageError(
            '--abstain-below does not go with --enqueue: the embedded judge runs locally in seconds',
          );
        if (options.enqueue && options.follow)
          throw new UsageError(
            '--follow and --enqueue do not go together: enqueue again when the run has more responses',
          );
        if (options.rateWindowMs !== undefined && !options.enqueue)
          throw new UsageError('--rate-window-ms goes with --enqueue');
        await withStore(options.db, io, async (store) => {
          if (options.enqueue) {
            io.stdout.write(
              await enqueueJudging(store, {
                spec: options.judge,
                filter: { runId: options.run, modelId: options.model, setName: options.set },
                config: loadCandorConfig(options.config),
                threshold: parseNumberOption('threshold', options.threshold, { min: 0, max: 1 }),
                rpm: parseNumberOption('rpm', options.rpm, { integer: true, min: 1 }) ?? null,
                rateWindowMs: options.rateWindowMs,
                db: options.db,
                io,
              }),
            );
            return;
          }
          const resolved = await resolveJudge(options.judge, {
            store,
            io,
            config: loadCandorConfig(options.config),
            rpm: parseNumberOption('rpm', options.rpm, { min: 1 }) ?? null,
            threshold: parseNumberOption('threshold', options.threshold, { min: 0, max: 1 }),
            abstainBelow,
          });
          if (options.follow && !options.run) throw new UsageError('--follow needs --run <id>: the run to follow');
          const progress = createProgress(io, `judge ${resolved.judge.id}`, { quiet: options.quiet });
          let done = 0;
          let pending = 0;
          const summary = await judgeResponses({
            store,
            judge: resolved.judge,
            filter: { runId: options.run, modelId: options.model, setName: options.set },
            concurrency:
              parseNumberOption('concurrency', options.concurrency, { integer: true, min: 1, max: 1000 }) ?? 4,
            signal: io.signal,
            follow: options.follow
              ? { intervalMs: 2000, done: async () => (await store.getRun(options.run!))?.state !== 'running' }
              : undefined,
            onEvent: (event) => {
              if (event.type === 'batch') pending = done + event.pending;
              if (event.type === 'judged' || event.type === 'unavailable')
                progress.update(++done, Math.max(pending, done));
            },
          });
          progress.stop();
          // Stopped by a signal: what was judged is stored; say so and exit 130 (143 under SIGTERM).
          if (io.signal?.aborted) io.exitCode = EXIT_CODES.interrupted;
          const labels = Object.entries(summary.labels)
            .map(([label, count]) => `${label} ${count}`)
            .join(', ');
          io.stdout.write(
            `judge ${resolved.judge.id}@${resolved.judge.version}: ${summary.judged} judged (${summary.byRule} failed outcomes labelled without a call)${labels ? `: ${labels}` : ''}` +
              (summary.abstained
                ? `; ${summary.abstained} left unlabelled: needs a judge (${abstainBelow !== undefined ? `embedded confidence below ${abstainBelow}` : 'no tier could decide'})`
                : '') +
              (summary.unavailable - summary.abstained
                ? `; ${summary.unavailable - summary.abstained} could not be judged now (run again later)`
                : '') +
              (resolved.expensiveCounts
                ? `; sent to the expensive judge: ${(resolved.expensiveCounts().expensive_fraction * 100).toFixed(1)}%`
                : '') +
              '\n',
          );
        });
      },
    );

  registerJudgeEvalCommand(judge, io);

  judge
    .command('agree <judge-a> <judge-b>')
    .description('agreement between two stored judges on the responses both judged')
    .addOption(shared('sets'))
    .addOption(shared('models'))
    .addOption(formatOption(['table', 'json', 'md'], 'table'))
    .addOption(shared('db'))
    .action(
      async (
        judgeA: string,
        judgeB: string,
        options: { set?: string; model?: string; format?: string; db?: string },
      ) => {
        options.model = singleFilter(options.model, '--models');
        options.set = singleFilter(options.set, '--sets');
        const format = parseOutputFormat(options.format, ['table', 'json', 'md']);
        await withStore(options.db, io, async (store) => {
          const filters = {
            ...(options.set ? { set: options.set } : {}),
            ...(options.model ? { model: options.model } : {}),
          };
          const first = await store.listLabelRows({ judge: judgeA, filters });
          const second = new Map(
            (await store.listLabelRows({ judge: judgeB, filters })).map((row) => [row.responseId, row.label]),
          );
          if (first.length === 0 || second.size === 0)
            throw new NotFoundError(`judgments by both "${judgeA}" and "${judgeB}"`, 'see `candor report --by judge`');
          const pairs = first
            .filter((row) => second.has(row.responseId))
            .map((row) => ({ a: row.label, b: second.get(row.responseId)! }));
          const verdictPairs = pairs.filter((pair) => !pair.a.startsWith('ERROR') && !pair.b.startsWith('ERROR'));
          const report = evaluateLabels(
            verdictPairs.map((pair) => pair.a),
            verdictPairs.map((pair) => pair.b),
            VERDICT_LABELS,
          );
          if (format === 'json') {
            io.stdout.write(
              JSON.stringify(
                {
                  judge_a: judgeA,
                  judge_b: judgeB,
                  both_judged: pairs.length,
                  with_error_labels: pairs.length - verdictPairs.length,
                  ...report,
                },
                null,
                2,
              ) + '\n',
            );
            return;
          }
          io.stdout.write(
            `${judgeA} (rows) vs ${judgeB} (columns): ${pairs.length} responses judged by both, ${pairs.length - verdictPairs.length} with an error label left out\n`,
          );
          io.stdout.write(formatEvaluation(report, format, { rows: judgeA, columns: judgeB, accuracy: 'agreement' }));
        });
      },
    );

  judge
    .command('override <response-id>')
    .description('a person labels a response; the earlier judgments stay as history')
    .requiredOption('--label <label>', 'COMPLETE, EVASIVE or DENIAL (or an ERROR_* label)')
    .requiredOption('--note <text>', 'why: kept with the label')
    .addOption(shared('labeller'))
    .addOption(shared('db'))
    .action(async (responseIdText: string, options: { label: string; note: string; by: string; db?: string }) => {
      const responseId = parseNumberOption('response-id', responseIdText, { integer: true, min: 1 })!;
      const label = options.label.toUpperCase();
      if (!isJudgmentLabel(label))
        throw new UsageError(`--label must be COMPLETE, EVASIVE, DENIAL or an ERROR_* label (got "${options.label}")`);
      await withStore(options.db, io, async (store) => {
        if (!(await store.getResponse(responseId)))
          throw new NotFoundError(`response ${responseId}`, 'response ids are in `candor export` (response_id)');
        const history = await store.listJudgments(responseId);
        await store.putJudgment({
          responseId,
          judgeId: `human:${options.by}`,
          judgeVersion: 'human',
          promptHash: null,
          label,
          explanation: options.note,
          rawOutput: null,
          judgedAt: new Date().toISOString(),
          source: 'human',
          note: options.note,
        });
        const previous = history.at(-1);
        io.stdout.write(
          `response ${responseId}: ${previous ? `${previous.label} (${previous.judgeId}) → ` : ''}${label} by ${options.by}; ${history.length} earlier judgment(s) kept\n`,
        );
      });
    });

  judge
    .command('export-gold')
    .description(
      "write the responses people have labelled as a gold file for `candor judge eval` (or, with --judged-by, one judge's labels, e.g. to train the embedded judge on them)",
    )
    .option('--out <file>', 'write here instead of stdout')
    .addOption(
      shared('judgedBy', {
        description:
          "export this judge's latest labels instead of the human ones (e.g. an LLM judge, for scripts/train-embedded-judge.ts --extra-labels)",
      }),
    )
    .addOption(shared('db'))
    .action(async (options: { out?: string; db?: string; judge?: string }) => {
      await withStore(options.db, io, async (store) => {
        const judges = (await store.countLabels({ groupBy: ['judge'] }))
          .map((row) => row.keys.judge)
          .filter((judgeId): judgeId is string => typeof judgeId === 'string');
        if (options.judge !== undefined && !judges.includes(options.judge)) {
          throw new NotFoundError(
            `judge "${options.judge}"`,
            `judges with labels in the store: ${judges.join(', ') || 'none'}`,
          );
        }
        const exported =
          options.judge !== undefined ? [options.judge] : judges.filter((judgeId) => judgeId.startsWith('human'));
        const lines: string[] = [];
        for (const judgeId of exported) {
          for (const row of await store.listLabelRows({ judge: judgeId })) {
            const response = await store.getResponse(row.responseId);
            const question = (await store.getQuestions(row.set)).find((candidate) => candidate.id === row.questionId);
            const judgments = await store.listJudgments(row.responseId);
            lines.push(
              JSON.stringify({
                response_id: row.responseId,
                model: row.model,
                set: row.set,
                question_id: row.questionId,
                question: question?.text ?? '',
                response: response?.finalText ?? '',
                label: row.label,
                note: judgments.filter((judgment) => judgment.source === 'human').at(-1)?.note ?? null,
                labelled_by: judgeId,
              }),
            );
          }
        }
        const text = lines.join('\n') + (lines.length ? '\n' : '');
        if (options.out) {
          writeFileSync(options.out, text);
          io.stderr.write(`${lines.length} gold rows written to ${options.out}\n`);
        } else io.stdout.write(text);
      });
    });
}
