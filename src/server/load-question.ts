import { CandorError, type Question } from '../core/index.js';
import { DEFAULT_LENS, rateOf, foldLabel } from '../reports/index.js';
import type { QuestionInfo, QuestionResponse, AnswerRow } from './api-types/questions.js';
import type { CandorStore } from '../store/index.js';
import type { QuestionCatalog } from './question-catalog.js';

/** A question as the API shows it. */
export function questionInfo(question: Question): QuestionInfo {
  return {
    set: question.setName,
    id: question.id,
    text: question.text,
    domain: question.domain,
    theme: question.theme,
    variation: question.variation,
    country: question.targetCountry,
    language: question.language,
    translationOf: question.translationOf
      ? { set: question.translationOf.setName, id: question.translationOf.id }
      : null,
  };
}

function related(catalog: QuestionCatalog, question: Question): QuestionResponse['related'] {
  const source = question.translationOf ?? { setName: question.setName, id: question.id };
  const out: QuestionResponse['related'] = [];
  for (const other of catalog.all) {
    if (other === question) continue;
    const otherSource = other.translationOf ?? { setName: other.setName, id: other.id };
    if (otherSource.setName === source.setName && otherSource.id === source.id) {
      out.push({ set: other.setName, id: other.id, text: other.text, relation: 'translation' });
    } else if (question.theme !== null && other.setName === question.setName && other.theme === question.theme) {
      out.push({ set: other.setName, id: other.id, text: other.text, relation: 'phrasing' });
    }
  }
  return out;
}

/** One question: its text, related questions, and every model's answer with label and judge explanation. */
export async function loadQuestion(
  store: CandorStore,
  catalog: QuestionCatalog,
  set: string,
  id: string,
): Promise<QuestionResponse> {
  const question = catalog.get(set, id);
  if (!question) throw new CandorError('not_found', `no question ${set}/${id} in the store`);
  const answers = await questionAnswers(store, set, id);
  const judged = answers.filter((answer) => answer.label !== null);
  return {
    question: questionInfo(question),
    related: related(catalog, question),
    summary: rateOf(
      judged.map((answer) => answer.label!),
      DEFAULT_LENS,
    ),
    answers,
  };
}

/** Every current answer to one question, with its latest judgment, ordered by model. */
export async function questionAnswers(store: CandorStore, set: string, questionId: string): Promise<AnswerRow[]> {
  const records = await store.listQuestionAnswers(set, questionId);
  return records.map((record) => ({
    responseId: record.responseId,
    model: record.modelId,
    runId: record.runId,
    sample: record.sample,
    route: record.upstreamRoute,
    status: record.status,
    label: record.label,
    segment: record.label === null ? null : foldLabel(record.label),
    judge: record.judgeId === null ? null : `${record.judgeId}@${record.judgeVersion ?? ''}`,
    explanation: record.explanation,
    text: record.finalText,
  }));
}
