import { isObject, type JsonObject } from '../shared/json-helpers.js';

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
        const text = typeof part['text'] === 'string' ? part['text'] : typeof part['thinking'] === 'string' ? part['thinking'] : null;
        if (text === null) continue;
        if (part['type'] === 'reasoning' || part['type'] === 'thinking') reasoningParts.push(text);
        else textParts.push(text);
      }
    }
    content = textParts.join('');
  }
  const refusal = typeof message['refusal'] === 'string' && message['refusal'].trim() !== '' ? message['refusal'] : null;
  return { content, reasoning: reasoningParts.length > 0 ? reasoningParts.join('\n\n') : null, refusal };
}
