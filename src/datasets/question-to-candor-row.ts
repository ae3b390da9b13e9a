import type { Question } from '../core/index.js';
import type { CandorQuestionRow } from './builtin/candor-question-row.js';

/** The Candor JSONL row of a question (the inverse of parseCandorQuestionRow). */
export function questionToCandorRow(question: Question): CandorQuestionRow {
  return {
    id: question.id,
    text: question.text,
    set: question.setName,
    domain: question.domain,
    theme: question.theme,
    variation: question.variation,
    target_country: question.targetCountry,
    language: question.language,
    template_id: question.templateId,
    tags: question.tags,
    translation_of: question.translationOf ? `${question.translationOf.setName}:${question.translationOf.id}` : null,
    translation_kind: question.translationKind,
  };
}
