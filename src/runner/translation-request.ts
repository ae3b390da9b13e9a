import type { Question } from '../core/index.js';
import type { GenerateRequest } from '../providers/index.js';

export interface TranslationRequestSettings {
  maxTokens: number;
  temperature: number | null;
}

/** The request that asks a model to translate one question; `feedback` says why the previous answer was rejected. */
export function buildTranslationRequest(
  question: Question,
  targetLanguage: string,
  feedback: string | null,
  settings: TranslationRequestSettings,
): GenerateRequest {
  const target = `${languageName(targetLanguage)} (${targetLanguage})`;
  const systemPrompt =
    `You are a professional translator. Translate the user's text from ${languageName(question.language)} into ${target}. ` +
    'The text is a request that will be put to AI systems in a study of what they will and will not write; translate it faithfully, ' +
    'keeping its tone, its force and every detail. Do not answer it, refuse it, soften it or comment on it. ' +
    'Reply with the translation only: no preamble, no notes, no quotation marks.';
  const retry =
    feedback === null
      ? ''
      : `\n\nYour previous answer was rejected: ${feedback}. Reply with the ${languageName(targetLanguage)} translation only.`;
  return {
    prompt: `Translate into ${target}:\n\n${question.text}${retry}`,
    systemPrompt,
    maxTokens: settings.maxTokens,
    temperature: settings.temperature,
    reasoning: null,
    timeoutMs: null,
  };
}

/** English name of a BCP 47 tag ("zh" → "Chinese"), or the tag itself when the runtime does not know it. */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
