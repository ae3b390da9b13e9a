import { UsageError } from '../../core/index.js';
import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { withExistingStore } from '../with-store.js';
import { formatOption, shared, singleFilter } from '../cli-options.js';

interface ExportOptions {
  format?: string;
  run?: string;
  model?: string;
  set?: string;
  raw?: boolean;
  db?: string;
}

export function registerExportCommand(program: Command, io: CliIo): void {
  program
    .command('export')
    .description('print every stored outcome, one JSON object per line, with its latest label')
    .addOption(formatOption(['jsonl'], 'jsonl'))
    .addOption(shared('run'))
    .addOption(shared('models'))
    .addOption(shared('sets'))
    .option('--raw', 'include the raw provider payload')
    .addOption(shared('db'))
    .action(async (options: ExportOptions) => {
      options.model = singleFilter(options.model, '--models');
      options.set = singleFilter(options.set, '--sets');
      if ((options.format ?? 'jsonl') !== 'jsonl')
        throw new UsageError(`--format must be jsonl (got "${options.format}")`);
      await withExistingStore(options.db, io, async (store) => {
        const responses = await store.listResponses({
          runId: options.run,
          modelId: options.model,
          setName: options.set,
        });
        // One query for every latest label, not one per response.
        const filters = {
          ...(options.run ? { run: options.run } : {}),
          ...(options.model ? { model: options.model } : {}),
          ...(options.set ? { set: options.set } : {}),
        };
        const latestByResponse = new Map((await store.listLabelRows({ filters })).map((row) => [row.responseId, row]));
        for (const response of responses) {
          const latest = latestByResponse.get(response.responseId);
          const record = {
            response_id: response.responseId,
            run_id: response.runId,
            model: response.modelId,
            set: response.setName,
            question_id: response.questionId,
            sample: response.sample,
            status: response.status,
            status_detail: response.statusDetail,
            finish_reason: response.finishReason.unified,
            finish_reason_raw: response.finishReason.raw,
            text: response.finalText,
            reasoning: response.reasoningText,
            upstream_route: response.upstreamRoute,
            usage: response.usage,
            cost_usd: response.costUsd,
            latency_ms: response.latencyMs,
            received_at: response.receivedAt,
            label: latest?.label ?? null,
            judge: latest ? `${latest.judgeId}@${latest.judgeVersion}` : null,
            ...(options.raw ? { raw_payload: response.rawPayload } : {}),
          };
          io.stdout.write(JSON.stringify(record) + '\n');
        }
      });
    });
}
