/** How a question's text came to be in its language. */
export type TranslationKind = 'original' | 'human' | 'machine' | 'unknown';

/** One request put to models. Identity: (setName, id). */
export interface Question {
  setName: string;
  id: string;
  text: string;
  domain: string | null;
  theme: string | null;
  /** Phrasing type or variation index, e.g. "1".."4" in SpeechMap's us_hard or "essay". */
  variation: string | null;
  /** ISO 3166-1 alpha-2 code (or "EU") of the country the request is about. */
  targetCountry: string | null;
  /** BCP 47 language tag, e.g. "en", "zh", "fi". */
  language: string;
  /** Entity-swap template this question was filled from, when any. */
  templateId: string | null;
  tags: string[];
  /** Same question in another language: the set and id of the source question. */
  translationOf: { setName: string; id: string } | null;
  translationKind: TranslationKind;
}

/** A named collection of questions. */
export interface QuestionSet {
  name: string;
  title: string | null;
  /** Where it was read from (path or URL). */
  source: string | null;
  /** Format it was read from: candor-jsonl, candor-csv, speechmap. */
  format: string;
  /** sha256 of the canonical question list, for provenance. */
  contentHash: string;
}
