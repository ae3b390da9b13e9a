import type { FinishReason, UnifiedFinishReason, Usage } from '../../core/index.js';
import { type ClassifiedOutcome, EMPTY_USAGE } from '../spec/provider-model.js';
import { classifyAnswer, mapFinishReason } from '../shared/classify-answer.js';
import { classifyEnvelope, unknownShape } from '../shared/classify-envelope.js';
import { describeShape, isObject, type JsonObject, numberOrNull, stringOrNull } from '../shared/json-helpers.js';
import { GEMINI_FINISH_REASONS } from '../gemini/create-gemini-provider.js';

export type { ClassifiedOutcome } from '../spec/provider-model.js';

export interface ChatCompletionInput {
  httpStatus: number | null;
  /** Parsed JSON, or the raw text when the body was not JSON. */
  body: unknown;
}

/**
 * Classify an OpenAI-compatible (incl. OpenRouter) chat-completion payload into Candor's status
 * taxonomy. Truncation wins over moderation; a shape it does not recognise is `unknown_shape`.
 * https://openrouter.ai/docs/api-reference/errors
 */
export function classifyChatCompletion(input: ChatCompletionInput): ClassifiedOutcome {
  const { httpStatus, body } = input;
  const base = unknownShape(EMPTY_USAGE, isObject(body) ? stringOrNull(body['provider']) : null);
  if (isObject(body)) Object.assign(base, readOpenAIUsage(body['usage']));

  const envelope = classifyEnvelope(httpStatus, body, base);
  if (envelope) return envelope;
  if (!isObject(body)) return base;

  const choices = body['choices'];
  if (!Array.isArray(choices)) return { ...base, statusDetail: `no choices or error: ${describeShape(body)}` };
  if (choices.length === 0) return { ...base, status: 'missing_content', statusDetail: 'choices is empty' };
  const choice: unknown = choices[0];
  if (!isObject(choice)) return { ...base, statusDetail: `choices[0] is ${describeShape(choice)}` };
  return classifyChoice(choice, base);
}

function classifyChoice(choice: JsonObject, base: ClassifiedOutcome): ClassifiedOutcome {
  const extracted = extractChatMessage(choice);
  return classifyAnswer({
    base,
    finishReason: mapChoiceFinishReason(choice['finish_reason'], choice['native_finish_reason']),
    content: extracted.content,
    reasoning: extracted.reasoning,
    refusal: extracted.refusal,
    embeddedError: choice['error'],
    describeMessage: () => (isObject(choice['message']) ? describeShape(choice['message']) : 'no message'),
  });
}

export interface ExtractedMessage {
  /** The raw answer text; null when the choice carried no content at all. */
  content: string | null;
  /** Reasoning from dedicated fields (`reasoning`, `reasoning_content`, reasoning parts). */
  reasoning: string | null;
  /** OpenAI's `message.refusal` (a model-written refusal, not a filter). */
  refusal: string | null;
}

/**
 * Pull answer and reasoning text out of one chat-completion choice. Handles string content,
 * content-part arrays ({type:'text'|'reasoning'|'thinking'}), and legacy `choice.text`.
 */
export function extractChatMessage(choice: JsonObject): ExtractedMessage {
  const message = isObject(choice['message']) ? choice['message'] : isObject(choice['delta']) ? choice['delta'] : null;
  if (!message) {
    return { content: typeof choice['text'] === 'string' ? choice['text'] : null, reasoning: null, refusal: null };
  }
  const reasoningParts: string[] = [];
  for (const key of ['reasoning', 'reasoning_content'] as const) {
    const value = message[key];
    if (typeof value === 'string' && value.trim() !== '') reasoningParts.push(value);
  }
  let content: string | null = null;
  const rawContent = message['content'];
  if (typeof rawContent === 'string') content = rawContent;
  else if (Array.isArray(rawContent)) {
    const textParts: string[] = [];
    for (const part of rawContent) {
      if (typeof part === 'string') textParts.push(part);
      else if (isObject(part)) {
        const text =
          typeof part['text'] === 'string'
            ? part['text']
            : typeof part['thinking'] === 'string'
              ? part['thinking']
              : null;
        if (text === null) continue;
        if (part['type'] === 'reasoning' || part['type'] === 'thinking') reasoningParts.push(text);
        else textParts.push(text);
      }
    }
    content = textParts.join('');
  }
  const refusal =
    typeof message['refusal'] === 'string' && message['refusal'].trim() !== '' ? message['refusal'] : null;
  return { content, reasoning: reasoningParts.length > 0 ? reasoningParts.join('\n\n') : null, refusal };
}

/** Token counts and (OpenRouter, with `usage: {include: true}`) the billed cost in USD. */
export function readOpenAIUsage(usage: unknown): { usage: Usage; costUsd: number | null } {
  if (!isObject(usage))
    return { usage: { promptTokens: null, completionTokens: null, reasoningTokens: null }, costUsd: null };
  const details = isObject(usage['completion_tokens_details']) ? usage['completion_tokens_details'] : null;
  return {
    usage: {
      promptTokens: numberOrNull(usage['prompt_tokens']),
      completionTokens: numberOrNull(usage['completion_tokens']),
      reasoningTokens: details ? numberOrNull(details['reasoning_tokens']) : null,
    },
    costUsd: numberOrNull(usage['cost']),
  };
}

/**
 * Finish reasons seen from OpenAI-compatible servers, including upstream values that OpenRouter
 * passes through as `native_finish_reason` (Gemini, Anthropic, vLLM/TGI "eos").
 * https://platform.openai.com/docs/api-reference/chat/object#chat/object-choices
 * https://openrouter.ai/docs/api-reference/overview#finish-reason
 */
const OPENAI_FINISH_REASONS: Record<string, UnifiedFinishReason> = {
  // Upstream values relayed as native_finish_reason map exactly as their own adapters map them.
  ...GEMINI_FINISH_REASONS,
  stop: 'stop',
  eos: 'stop',
  eos_token: 'stop',
  end_turn: 'stop',
  stop_sequence: 'stop',
  STOP: 'stop',
  FINISH_REASON_STOP: 'stop',
  length: 'length',
  max_tokens: 'length',
  model_length: 'length',
  MAX_TOKENS: 'length',
  content_filter: 'content-filter',
  refusal: 'content-filter',
  SAFETY: 'content-filter',
  PROHIBITED_CONTENT: 'content-filter',
  RECITATION: 'content-filter',
  BLOCKLIST: 'content-filter',
  SPII: 'content-filter',
  IMAGE_SAFETY: 'content-filter',
  tool_calls: 'tool-calls',
  function_call: 'tool-calls',
  tool_use: 'tool-calls',
  pause_turn: 'error',
  model_context_window_exceeded: 'length',
  error: 'error',
  abort: 'error',
};

/** Map one raw OpenAI-style finish reason; null/absent → `unknown`, unrecognised → `other`. */
export function mapOpenAIFinishReason(raw: unknown): FinishReason {
  return mapFinishReason(OPENAI_FINISH_REASONS, raw);
}

/** Signals that decide the status win over the plain ones, whichever field carries them. */
const PRIORITY: UnifiedFinishReason[] = ['length', 'content-filter', 'error'];

/**
 * Combine OpenRouter's normalised `finish_reason` with the upstream's `native_finish_reason`:
 * a length or filter signal in either wins; otherwise the normalised one unless it is unknown/other.
 */
export function mapChoiceFinishReason(finishReason: unknown, nativeFinishReason: unknown): FinishReason {
  const normalised = mapOpenAIFinishReason(finishReason);
  const native = mapOpenAIFinishReason(nativeFinishReason);
  for (const unified of PRIORITY) {
    // Both say error: the upstream's value is the specific one (it decides whether a retry helps).
    if (unified === 'error' && normalised.unified === 'error' && native.unified === 'error') return native;
    if (normalised.unified === unified) return normalised;
    if (native.unified === unified) return native;
  }
  if ((normalised.unified === 'unknown' || normalised.unified === 'other') && native.unified !== 'unknown') {
    return normalised.unified === 'other' && native.unified === 'other' ? normalised : native;
  }
  return normalised;
}
