/** The question-file formats Candor reads; recorded as `QuestionSet.format`. */
export type QuestionFileFormat = 'speechmap' | 'candor-jsonl' | 'candor-csv';
