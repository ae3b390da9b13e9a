import { createHash } from 'node:crypto';
import { CANDOR_RUBRIC_TEMPLATE } from './candor-rubric.js';
import { fenceNonce, neutralizeFencedText } from './fence-untrusted-text.js';

/** sha256 of a template: stored with each judgment, so a change of wording is always visible. */
export function hashTemplate(template: string): string {
  return createHash('sha256').update(template).digest('hex');
}

/** The judge prompt for one (request, response) pair, both fenced and neutralized. */
export function buildJudgePrompt(
  question: string,
  response: string,
  template: string = CANDOR_RUBRIC_TEMPLATE,
): string {
  const safeQuestion = neutralizeFencedText(question);
  const safeResponse = neutralizeFencedText(response);
  const nonce = fenceNonce(safeQuestion, safeResponse);
  // Replace the untrusted parts last and in one pass, so their own text is never re-scanned for placeholders.
  return template.replace(/\{\{(NONCE|QUESTION|RESPONSE)\}\}/g, (_match, name: string) =>
    name === 'NONCE' ? nonce : name === 'QUESTION' ? safeQuestion : safeResponse,
  );
}
