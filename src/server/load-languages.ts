import { languageGap } from '../reports/index.js';
import type { CandorStore } from '../store/index.js';
import type { LanguageGroup, LanguagesResponse, TranslationLink } from './api-types/breakdowns.js';
import type { ExplorerQuery } from './explorer-query.js';
import type { QuestionCatalog } from './question-catalog.js';

/** Every set that has translations: per model, the rate in each language and the gap between them. */
export async function loadLanguages(
  store: CandorStore,
  catalog: QuestionCatalog,
  query: ExplorerQuery,
): Promise<LanguagesResponse> {
  const translations = new Map<string, Map<string, TranslationLink[]>>();
  for (const question of catalog.all) {
    if (!question.translationOf) continue;
    const base = catalog.get(question.translationOf.setName, question.translationOf.id);
    if (!base) continue;
    const bySource = translations.get(base.setName) ?? new Map<string, TranslationLink[]>();
    const links = bySource.get(base.id) ?? [
      { language: base.language, set: base.setName, id: base.id, text: base.text },
    ];
    links.push({ language: question.language, set: question.setName, id: question.id, text: question.text });
    bySource.set(base.id, links);
    translations.set(base.setName, bySource);
  }
  const groups: LanguageGroup[] = [];
  for (const baseSet of [...translations.keys()].sort()) {
    const gap = await languageGap(store, baseSet, {
      judge: query.judge,
      lens: query.lens,
      includeTest: query.includeTest,
    });
    groups.push({
      baseSet,
      languages: gap.languages,
      sets: gap.sets,
      baseLanguage: gap.baseLanguage,
      lens: gap.lens,
      rows: gap.rows.map((row) => ({ model: row.model, byLanguage: row.byLanguage, gaps: row.gaps })),
      questions: [...translations.get(baseSet)!.values()].sort((left, right) =>
        left[0]!.id.localeCompare(right[0]!.id),
      ),
    });
  }
  return { groups };
}
