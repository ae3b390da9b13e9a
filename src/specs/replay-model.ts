import { PROVIDER_SPEC_VERSION, type GenerateResult, type ProviderModel } from '../providers/index.js';
import type { CandorStore } from '../store/index.js';
import { NotFoundError } from '../core/index.js';

/** The HTTP part of a stored raw payload written by the runner, when it is one. */
function unwrapPayload(rawPayload: string): { status: number | null; headers: Record<string, string>; body: string } {
  try {
    const parsed = JSON.parse(rawPayload) as unknown;
    if (
      parsed &&
      typeof parsed === 'object' &&
      'body' in parsed &&
      typeof (parsed as { body: unknown }).body === 'string'
    ) {
      const wrapper = parsed as { status?: number | null; headers?: Record<string, string>; body: string };
      return { status: wrapper.status ?? null, headers: wrapper.headers ?? {}, body: wrapper.body };
    }
  } catch {
    // not JSON: replay the text as it is
  }
  return { status: null, headers: {}, body: rawPayload };
}

/**
 * `replay:<run-id>`: a stored run served back as a provider, so a run can be reproduced offline.
 * Answers are matched by prompt text; several samples of one prompt are served in sample order.
 */
export async function createReplayModel(store: CandorStore, runId: string): Promise<ProviderModel> {
  const run = await store.getRun(runId);
  if (!run) throw new NotFoundError(`run "${runId}"`, 'see `candor run list` for the stored runs');
  const questions = await store.getQuestions(run.setName);
  const textById = new Map(questions.map((question) => [question.id, question.text]));
  const byPrompt = new Map<string, GenerateResult[]>();
  for (const response of await store.listResponses({ runId })) {
    const prompt = textById.get(response.questionId);
    if (prompt === undefined) continue;
    const payload = unwrapPayload(response.rawPayload);
    const list = byPrompt.get(prompt) ?? [];
    list.push({
      status: response.status,
      statusDetail: response.statusDetail,
      finishReason: response.finishReason,
      finalText: response.finalText,
      reasoningText: response.reasoningText,
      upstreamRoute: response.upstreamRoute,
      usage: response.usage,
      costUsd: response.costUsd,
      httpStatus: response.httpStatus ?? payload.status,
      rawBody: payload.body,
      headers: payload.headers,
      latencyMs: 0,
      requestedAt: response.requestedAt ?? new Date(0).toISOString(),
      receivedAt: response.receivedAt ?? new Date(0).toISOString(),
      retryable: false,
      retryAfterMs: null,
    });
    byPrompt.set(prompt, list);
  }
  const served = new Map<string, number>();
  return {
    specVersion: PROVIDER_SPEC_VERSION,
    provider: 'replay',
    modelId: run.modelId,
    async doGenerate(request) {
      const list = byPrompt.get(request.prompt);
      const now = new Date().toISOString();
      if (!list || list.length === 0) {
        return {
          status: 'provider_error',
          statusDetail: `run ${runId} has no recorded answer to this prompt`,
          finishReason: { unified: 'error', raw: null },
          finalText: null,
          reasoningText: null,
          upstreamRoute: null,
          usage: { promptTokens: null, completionTokens: null, reasoningTokens: null },
          costUsd: null,
          httpStatus: null,
          rawBody: '',
          headers: {},
          latencyMs: 0,
          requestedAt: now,
          receivedAt: now,
          retryable: false,
          retryAfterMs: null,
        };
      }
      const index = served.get(request.prompt) ?? 0;
      served.set(request.prompt, index + 1);
      return { ...list[index % list.length]!, requestedAt: now, receivedAt: now };
    },
  };
}
