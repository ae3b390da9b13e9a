export { hashQuestions } from './assemble-question-set.js';
export { normalizeLanguageTag } from './parse-candor-question-row.js';
export { parseCsv, type CsvRecord, type ParseCsvOptions } from './parse-csv.js';
export { parseSpeechMapSetName, type SpeechMapSetName } from './read-speechmap-questions.js';
export {
  questionSetOrThrow,
  type QuestionFileFormat,
  type QuestionFileValidation,
  type QuestionReadOptions,
  type QuestionSetInput,
} from './question-set-input.js';
export { readCandorCsv, validateCandorCsv } from './read-candor-csv.js';
export { readCandorJsonl, validateCandorJsonl } from './read-candor-jsonl.js';
export { readJsonLines, type JsonLine } from './read-json-lines.js';
export {
  detectQuestionFileFormat,
  readQuestionFile,
  validateQuestionFile,
  type QuestionFileOptions,
} from './read-question-file.js';
export { readSpeechMapQuestions, validateSpeechMapQuestions } from './read-speechmap-questions.js';
export { readModelFacts } from './read-model-facts.js';
export * from './builtin/index.js';
