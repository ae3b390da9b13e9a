import type { FinishReason, UnifiedFinishReason } from '../../core/index.js';
import { BLOCKED_EMPTY_MAX_COMPLETION_TOKENS, type ClassifiedOutcome } from '../spec/provider-model.js';
import { classifyErrorPayload } from './classify-envelope.js';

export interface AnswerParts {
  /** Outcome so far: upstream route, usage and cost already filled in. */
  base: ClassifiedOutcome;
  finishReason: FinishReason;
  /** Answer text as sent (may hold inline think blocks); null when the payload had none. */
  content: string | null;
  /** Reasoning from dedicated fields or parts. */
  reasoning: string | null;
  /** A model-written refusal field used as the answer when there is no content (OpenAI). */
  refusal?: string | null;
  /** An error object delivered alongside the answer (OpenRouter choice.error). */
  embeddedError?: unknown;
  /** Describes what the message looked like, for a missing_content detail. */
  describeMessage?: () => string;
}

/** Gemini routed through OpenRouter has answered a blocked prompt with the bare word "SAFETY". */
const BARE_FILTER_WORD = /^(?:SAFETY|PROHIBITED_CONTENT|RECITATION|BLOCKLIST|SPII)$/;

/**
 * The status rules shared by every adapter once it has found the answer, reasoning and finish
 * reason: truncation > moderation > errors > success > empty/missing; a finish reason no mapping
 * knows is unknown_shape.
 */
export function classifyAnswer(parts: AnswerParts): ClassifiedOutcome {
  const { base, finishReason } = parts;
  const split = parts.content === null ? null : splitInlineReasoning(parts.content);
  const reasoningText = joinReasoning(parts.reasoning, split?.reasoningText ?? null);
  // OpenAI may send `content: ""` beside the refusal text: the refusal is the answer then.
  const refusalIsAnswer = Boolean(parts.refusal) && (split === null || split.finalText.trim() === '');
  const finalText = refusalIsAnswer ? parts.refusal! : split ? split.finalText : null;
  const outcome: ClassifiedOutcome = { ...base, finishReason, finalText, reasoningText };
  const completionTokens = base.usage.completionTokens;
  const detail = (status: ClassifiedOutcome['status'], statusDetail: string | null): ClassifiedOutcome => ({
    ...outcome,
    status,
    statusDetail,
  });

  if (finishReason.unified === 'length') return detail('truncation', `finish reason ${finishReason.raw}`);
  if (finishReason.unified === 'content-filter') return detail('moderation', `finish reason ${finishReason.raw}`);
  if (parts.embeddedError !== undefined && parts.embeddedError !== null) {
    return { ...outcome, ...classifyErrorPayload(parts.embeddedError, null) };
  }
  if (finishReason.unified === 'error') return detail('provider_error', `finish reason ${finishReason.raw}`);
  if (finishReason.unified === 'other')
    return detail('unknown_shape', `unrecognised finish reason "${finishReason.raw}"`);

  const trimmed = (finalText ?? '').trim();
  const fewTokens = completionTokens !== null && completionTokens <= BLOCKED_EMPTY_MAX_COMPLETION_TOKENS;
  if (BARE_FILTER_WORD.test(trimmed) && (fewTokens || completionTokens === null)) {
    return detail('moderation', `content is the bare filter word "${trimmed}"`);
  }
  if (trimmed !== '') {
    const notes = [
      finishReason.unified === 'unknown' ? 'no finish reason reported' : null,
      finishReason.unified === 'tool-calls' ? 'finished with tool calls' : null,
      refusalIsAnswer ? 'text is the refusal field' : null,
    ].filter((note) => note !== null);
    return detail('success', notes.length > 0 ? notes.join('; ') : null);
  }
  if (split?.unterminated) return detail('empty', 'unterminated think block: the whole content is reasoning');
  if (finishReason.unified === 'stop' && fewTokens && reasoningText === null) {
    return detail('moderation', `empty answer after ${completionTokens} completion tokens`);
  }
  if (reasoningText !== null) return detail('empty', 'reasoning only, no answer');
  if (parts.content === null)
    return detail('missing_content', `no content (${parts.describeMessage?.() ?? 'no message'})`);
  return detail('empty', 'empty answer');
}

function joinReasoning(first: string | null, second: string | null): string | null {
  const parts = [first, second].filter((part): part is string => part !== null && part.trim() !== '');
  return parts.length > 0 ? parts.join('\n\n') : null;
}

export interface SplitReasoning {
  finalText: string;
  reasoningText: string | null;
  /** True when a think block was opened and never closed: everything is reasoning. */
  unterminated: boolean;
  /** True when only a closing tag was present (the opening tag was part of the prompt template). */
  closingTagOnly: boolean;
}

const THINK_TAGS: Array<{ open: string; close: string }> = [
  { open: '<think>', close: '</think>' },
  { open: '◁think▷', close: '◁/think▷' },
];

/**
 * Move a leading `<think>…</think>` (or Kimi's `◁think▷…◁/think▷`) block out of the answer.
 * Also handles content that has only the closing tag (e.g. MAI-DS-R1 served by vLLM, whose chat
 * template emits the opening `<think>` itself).
 */
export function splitInlineReasoning(content: string): SplitReasoning {
  const leading = content.trimStart();
  for (const { open, close } of THINK_TAGS) {
    if (leading.startsWith(open)) {
      const body = leading.slice(open.length);
      const closeAt = body.indexOf(close);
      if (closeAt < 0) return { finalText: '', reasoningText: body.trim(), unterminated: true, closingTagOnly: false };
      return {
        finalText: body.slice(closeAt + close.length).trim(),
        reasoningText: body.slice(0, closeAt).trim(),
        unterminated: false,
        closingTagOnly: false,
      };
    }
  }
  for (const { open, close } of THINK_TAGS) {
    const closeAt = content.indexOf(close);
    if (closeAt >= 0 && !content.slice(0, closeAt).includes(open)) {
      return {
        finalText: content.slice(closeAt + close.length).trim(),
        reasoningText: content.slice(0, closeAt).trim(),
        unterminated: false,
        closingTagOnly: true,
      };
    }
  }
  return { finalText: content, reasoningText: null, unterminated: false, closingTagOnly: false };
}

/** One vendor's raw finish reason through its table: null/absent → `unknown`, unrecognised → `other`. */
export function mapFinishReason(table: Readonly<Record<string, UnifiedFinishReason>>, raw: unknown): FinishReason {
  if (raw === null || raw === undefined || raw === '') return { unified: 'unknown', raw: null };
  const text = String(raw);
  return { unified: table[text] ?? 'other', raw: text };
}
