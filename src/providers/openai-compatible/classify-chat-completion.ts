import type { FinishReason } from '../../core/index.js';
import { EMPTY_USAGE, type ClassifiedOutcome } from '../spec/classified-outcome.js';
import { classifyAnswer } from '../shared/classify-answer.js';
import { classifyEnvelope } from '../shared/classify-envelope.js';
import { describeShape, isObject, stringOrNull, type JsonObject } from '../shared/json-helpers.js';
import { extractChatMessage } from './extract-chat-message.js';
import { mapChoiceFinishReason } from './map-openai-finish-reason.js';
import { readOpenAIUsage } from './read-openai-usage.js';

export type { ClassifiedOutcome } from '../spec/classified-outcome.js';

export interface ChatCompletionInput {
  httpStatus: number | null;
  /** Parsed JSON, or the raw text when the body was not JSON. */
  body: unknown;
}

const NO_FINISH: FinishReason = { unified: 'unknown', raw: null };

/**
 * Classify an OpenAI-compatible (incl. OpenRouter) chat-completion payload into Candor's status
 * taxonomy. Truncation wins over moderation; a shape it does not recognise is `unknown_shape`.
 * https://openrouter.ai/docs/api-reference/errors
 */
export function classifyChatCompletion(input: ChatCompletionInput): ClassifiedOutcome {
  const { httpStatus, body } = input;
  const base: ClassifiedOutcome = {
    status: 'unknown_shape',
    finishReason: NO_FINISH,
    finalText: null,
    reasoningText: null,
    upstreamRoute: isObject(body) ? stringOrNull(body['provider']) : null,
    usage: EMPTY_USAGE,
    costUsd: null,
    statusDetail: null,
  };
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
