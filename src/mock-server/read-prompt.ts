/** The text of a chat request: every message's text joined by newlines (array parts included). */
export function readPrompt(messages: readonly unknown[]): string {
  const parts: string[] = [];
  for (const message of messages) {
    if (typeof message !== 'object' || message === null) continue;
    const content = (message as { content?: unknown }).content;
    if (typeof content === 'string') parts.push(content);
    else if (Array.isArray(content)) {
      for (const part of content) {
        const text = (part as { text?: unknown } | null)?.text;
        if (typeof text === 'string') parts.push(text);
      }
    }
  }
  return parts.join('\n');
}

/** Rough OpenAI-like token count: four characters a token, plus a little per message. */
export function estimateTokens(text: string, messageCount = 0): number {
  return Math.ceil(text.length / 4) + messageCount * 4;
}
