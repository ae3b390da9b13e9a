import type { Question, Run } from '../../core/index.js';
import type { ProviderModel } from '../../providers/index.js';
import { planWork, rateLimitKey, workKey, type CollectionSettings, type RunGuards } from '../../runner/index.js';
import { displayLocation, type CandorStore } from '../../store/index.js';
import type { CliIo } from '../cli-io.js';
import { parseNumberOption } from '../parse-number-option.js';
import { resolveDbLocation } from '../resolve-db-location.js';

/** A run ready to execute or enqueue. */
export interface PreparedRun {
  run: Run;
  settings: CollectionSettings;
  model: ProviderModel;
  questions: readonly Question[];
  rpm: number | null;
  tpm: number | null;
}

/** Default spacing added to a shared window: requests granted at its edge must not land in one window at the server. */
const SAFETY_MARGIN_MS = 250;

/**
 * `candor run --enqueue`: plans every (question, sample) still without an outcome as a work item
 * and stores --rpm/--tpm as the limit all workers share. Returns what to print.
 */
export async function enqueueRun(
  store: CandorStore,
  prepared: PreparedRun,
  options: { rateWindowMs?: string; rateMarginMs?: string; db?: string; io: CliIo; guards: RunGuards },
): Promise<string> {
  const { run, settings, model, questions, rpm, tpm } = prepared;
  // Workers read the guards from the run; enqueueing (again) also lifts a halt, so a run a guard
  // stopped goes on once it is enqueued with the guard relaxed (e.g. --allow-truncation).
  await store.updateRunSettings(run.id, { ...(run.settings as Record<string, unknown>), guards: options.guards });
  const wasHalted = run.state === 'interrupted';
  await store.setRunState(run.id, 'running', null);
  const current = await store.listResponses({ runId: run.id });
  const plan = planWork(
    questions,
    settings.samples,
    new Set(current.map((response) => workKey(response.questionId, response.sample))),
  );
  const added = await store.enqueueWork(
    'collect',
    plan.items.map((item) => ({ runId: run.id, questionId: item.question.id, sample: item.sample })),
  );
  const lines = [
    `run ${run.id}: enqueued ${added} work items (${plan.total} in all, ${plan.alreadyDone} already answered, ${plan.items.length - added} already queued)${wasHalted ? '; it was halted and runs again' : ''}`,
  ];
  const { allowTruncation, maxCostUsd } = options.guards;
  lines.push(
    `guards every worker enforces: ${allowTruncation ? 'truncated answers allowed' : 'the first truncated answer halts the run'}; an unrecognised payload halts it; ${maxCostUsd === null ? 'no budget' : `budget $${maxCostUsd}`}`,
  );
  if (rpm !== null || tpm !== null) {
    const key = rateLimitKey(model.provider, settings.baseURL);
    const windowMs = parseNumberOption('rate-window-ms', options.rateWindowMs, { integer: true, min: 1 }) ?? 60_000;
    const safetyMarginMs =
      parseNumberOption('rate-margin-ms', options.rateMarginMs, { integer: true, min: 0 }) ?? SAFETY_MARGIN_MS;
    await store.putRateLimit({ key, requestsPerWindow: rpm, tokensPerWindow: tpm, windowMs, safetyMarginMs });
    lines.push(
      `shared rate limit for ${key}: ${rpm ?? '∞'} requests, ${tpm ?? '∞'} tokens per ${windowMs} ms, across all workers`,
    );
  }
  const location = displayLocation(resolveDbLocation(options.db, options.io));
  lines.push(
    `start workers (any number, any machine that reaches the store): candor worker --db '${location}' --until-empty`,
  );
  return lines.join('\n') + '\n';
}
