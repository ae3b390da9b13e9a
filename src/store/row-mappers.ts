import type { ModelFacts, Question, Run, RunState, StoredResponse, TranslationKind } from '../core/index.js';
import type { ResponseStatus, UnifiedFinishReason } from '../core/index.js';
import type { ModelTable, QuestionTable, ResponseTable, RunTable } from './database-schema.js';
import type { Selectable } from 'kysely';

/** Question → row. */
export function questionToRow(question: Question): QuestionTable {
  return {
    set_name: question.setName,
    question_id: question.id,
    text: question.text,
    domain: question.domain,
    theme: question.theme,
    variation: question.variation,
    target_country: question.targetCountry,
    language: question.language,
    template_id: question.templateId,
    tags: JSON.stringify(question.tags),
    translation_of_set: question.translationOf?.setName ?? null,
    translation_of_id: question.translationOf?.id ?? null,
    translation_kind: question.translationKind,
  };
}

/** Row → Question. */
export function rowToQuestion(row: QuestionTable): Question {
  return {
    setName: row.set_name,
    id: row.question_id,
    text: row.text,
    domain: row.domain,
    theme: row.theme,
    variation: row.variation,
    targetCountry: row.target_country,
    language: row.language,
    templateId: row.template_id,
    tags: JSON.parse(row.tags) as string[],
    translationOf:
      row.translation_of_set !== null && row.translation_of_id !== null
        ? { setName: row.translation_of_set, id: row.translation_of_id }
        : null,
    translationKind: row.translation_kind as TranslationKind,
  };
}

export function rowToModel(row: ModelTable): ModelFacts {
  return {
    id: row.model_id,
    creator: row.creator,
    family: row.family,
    releaseDate: row.release_date,
    reasoning: row.reasoning === null ? null : row.reasoning === 1,
  };
}

export function runToRow(run: Run): RunTable {
  return {
    run_id: run.id,
    model_id: run.modelId,
    provider: run.provider,
    provider_route: run.providerRoute,
    set_name: run.setName,
    settings: JSON.stringify(run.settings),
    provenance: JSON.stringify(run.provenance),
    state: run.state,
    created_at: run.createdAt,
    finished_at: run.finishedAt,
  };
}

export function rowToRun(row: RunTable): Run {
  return {
    id: row.run_id,
    modelId: row.model_id,
    provider: row.provider,
    providerRoute: row.provider_route,
    setName: row.set_name,
    settings: JSON.parse(row.settings) as Run['settings'],
    provenance: JSON.parse(row.provenance) as Run['provenance'],
    state: row.state as RunState,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

export function rowToResponse(
  row: Selectable<ResponseTable>,
): StoredResponse & { responseId: number; isCurrent: boolean } {
  return {
    responseId: Number(row.response_id),
    isCurrent: Number(row.is_current) === 1,
    runId: row.run_id,
    setName: row.set_name,
    questionId: row.question_id,
    sample: Number(row.sample),
    status: row.status as ResponseStatus,
    statusDetail: row.status_detail,
    finishReason: { unified: row.finish_reason as UnifiedFinishReason, raw: row.finish_reason_raw },
    finalText: row.final_text,
    reasoningText: row.reasoning_text,
    upstreamRoute: row.upstream_route,
    httpStatus: row.http_status === null ? null : Number(row.http_status),
    rawPayload: row.raw_payload,
    usage: {
      promptTokens: row.prompt_tokens === null ? null : Number(row.prompt_tokens),
      completionTokens: row.completion_tokens === null ? null : Number(row.completion_tokens),
      reasoningTokens: row.reasoning_tokens === null ? null : Number(row.reasoning_tokens),
    },
    costUsd: row.cost_usd === null ? null : Number(row.cost_usd),
    latencyMs: row.latency_ms === null ? null : Number(row.latency_ms),
    requestedAt: row.requested_at,
    receivedAt: row.received_at,
  };
}
