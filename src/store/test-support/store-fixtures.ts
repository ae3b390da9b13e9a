import type { Judgment, Question, QuestionSet, Run, StoredResponse } from '../../core/index.js';

export function makeQuestion(overrides: Partial<Question> & { id: string }): Question {
  return {
    setName: 'set_a',
    text: `Question ${overrides.id}`,
    domain: 'Domain One',
    theme: null,
    variation: null,
    targetCountry: null,
    language: 'en',
    templateId: null,
    tags: [],
    translationOf: null,
    translationKind: 'original',
    ...overrides,
  };
}

export function makeSet(name: string, overrides: Partial<QuestionSet> = {}): QuestionSet {
  return { name, title: null, source: 'test', format: 'candor-jsonl', contentHash: `hash-${name}`, ...overrides };
}

export function makeRun(id: string, overrides: Partial<Run> = {}): Run {
  return {
    id,
    modelId: 'lab/model-a',
    provider: 'mock',
    providerRoute: null,
    setName: 'set_a',
    settings: { maxTokens: 100 },
    provenance: { candorVersion: 'test' },
    state: 'running',
    createdAt: '2026-01-01T00:00:00.000Z',
    finishedAt: null,
    ...overrides,
  };
}

export function makeResponse(
  overrides: Partial<StoredResponse> & { runId: string; questionId: string },
): StoredResponse {
  return {
    setName: 'set_a',
    sample: 0,
    status: 'success',
    finishReason: { unified: 'stop', raw: 'stop' },
    finalText: `Answer to ${overrides.questionId}`,
    reasoningText: null,
    upstreamRoute: 'Upstream',
    httpStatus: 200,
    rawPayload: JSON.stringify({ answer: overrides.questionId }),
    statusDetail: null,
    usage: { promptTokens: 10, completionTokens: 20, reasoningTokens: null },
    costUsd: 0.001,
    latencyMs: 120,
    requestedAt: '2026-01-01T00:00:00.000Z',
    receivedAt: '2026-01-01T00:00:01.000Z',
    ...overrides,
  };
}

export function makeJudgment(overrides: Partial<Judgment> & { responseId: number }): Judgment {
  return {
    judgeId: 'judge-x',
    judgeVersion: '1',
    promptHash: null,
    label: 'COMPLETE',
    explanation: 'fulfilled',
    rawOutput: 'COMPLETE',
    judgedAt: '2026-02-01T00:00:00.000Z',
    source: 'import',
    note: null,
    ...overrides,
  };
}
