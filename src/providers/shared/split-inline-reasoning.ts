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
