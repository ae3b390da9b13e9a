import type { ResponseStatus, UnifiedFinishReason } from '../../core/index.js';
import { abortableSleep } from '../retry/abortable-sleep.js';
import {
  EMPTY_USAGE,
  type GenerateOptions,
  type GenerateRequest,
  type GenerateResult,
  PROVIDER_SPEC_VERSION,
  type ProviderModel,
} from '../spec/provider-model.js';

/** One scripted reply: fields of the result to return (the rest get plausible defaults), and an optional delay. */
export type ScriptStep =
  | (Partial<GenerateResult> & { delayMs?: number })
  | ((request: GenerateRequest, call: number) => Partial<GenerateResult> & { delayMs?: number });

/** Replies per prompt text; an array is played in order, its last step repeating. */
export type ModelScript = Record<string, ScriptStep | ScriptStep[]>;

export interface ScriptedModelOptions {
  provider?: string;
  modelId?: string;
  /** Used for prompts the script does not name; without it such prompts throw (a test bug). */
  fallback?: ScriptStep;
  now?: () => number;
}

export interface ScriptedModel extends ProviderModel {
  /** Every request received, in order. */
  readonly calls: GenerateRequest[];
}

const FINISH_FOR_STATUS: Record<ResponseStatus, UnifiedFinishReason> = {
  success: 'stop',
  moderation: 'content-filter',
  truncation: 'length',
  provider_error: 'error',
  empty: 'stop',
  missing_content: 'stop',
  unknown_shape: 'unknown',
};

/** A ProviderModel whose outcomes are scripted per prompt, for runner and judge tests without HTTP. */
export function createScriptedModel(script: ModelScript, options: ScriptedModelOptions = {}): ScriptedModel {
  const now = options.now ?? Date.now;
  const callsPerPrompt = new Map<string, number>();
  const calls: GenerateRequest[] = [];
  return {
    specVersion: PROVIDER_SPEC_VERSION,
    provider: options.provider ?? 'mock',
    modelId: options.modelId ?? 'scripted',
    calls,
    async doGenerate(request: GenerateRequest, generateOptions: GenerateOptions = {}): Promise<GenerateResult> {
      calls.push(request);
      const call = callsPerPrompt.get(request.prompt) ?? 0;
      callsPerPrompt.set(request.prompt, call + 1);
      const entry = script[request.prompt] ?? options.fallback;
      if (entry === undefined) throw new Error(`scripted model: no script for prompt "${request.prompt.slice(0, 80)}"`);
      const step = Array.isArray(entry) ? entry[Math.min(call, entry.length - 1)]! : entry;
      const { delayMs, ...fields } = typeof step === 'function' ? step(request, call) : step;
      const started = now();
      if (delayMs) await abortableSleep(delayMs, generateOptions.signal);
      else if (generateOptions.signal?.aborted) throw generateOptions.signal.reason;
      const received = now();
      return completeResult(request, fields, started, received);
    },
  };
}

function completeResult(
  request: GenerateRequest,
  fields: Partial<GenerateResult>,
  started: number,
  received: number,
): GenerateResult {
  const status = fields.status ?? 'success';
  const finalText =
    fields.finalText !== undefined
      ? fields.finalText
      : status === 'success'
        ? `Scripted answer to: ${request.prompt}`
        : null;
  const result: GenerateResult = {
    status,
    finishReason: { unified: FINISH_FOR_STATUS[status], raw: null },
    finalText,
    reasoningText: null,
    upstreamRoute: null,
    usage: EMPTY_USAGE,
    costUsd: null,
    statusDetail: status === 'success' ? null : `scripted ${status}`,
    httpStatus: status === 'provider_error' ? 500 : 200,
    rawBody: '',
    headers: {},
    latencyMs: received - started,
    requestedAt: new Date(started).toISOString(),
    receivedAt: new Date(received).toISOString(),
    retryable: status === 'provider_error',
    retryAfterMs: null,
    ...fields,
  };
  if (fields.rawBody === undefined)
    result.rawBody = JSON.stringify({ scripted: true, status: result.status, text: result.finalText });
  return result;
}
