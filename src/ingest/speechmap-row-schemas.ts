import { z } from 'zod';

const text = z.string().min(1, 'expected a non-empty string');
const optionalText = z.string().nullish();

/** A row of a SpeechMap `responses/` file. Unknown fields are kept by passthrough. */
export const speechMapResponseRowSchema = z.looseObject({
  question_id: text,
  question: z.string(),
  model: text,
  category: text,
  domain: optionalText,
  timestamp: optionalText,
  api_provider: optionalText,
  api_model: optionalText,
  response: z.unknown().refine((value) => value !== undefined && value !== null, 'expected the provider payload'),
  raw_response: z.unknown().optional(),
});
export type SpeechMapResponseRow = z.infer<typeof speechMapResponseRowSchema>;

/** A row of a SpeechMap analysis file: a response plus one judge's verdict. */
export const speechMapAnalysisRowSchema = speechMapResponseRowSchema.extend({
  judge_model: text,
  compliance: text,
  judge_analysis: z.string().nullish(),
  raw_judge_response: z.string().nullish(),
  judge_api_provider: optionalText,
  original_api_provider: optionalText,
  provider: optionalText,
});
export type SpeechMapAnalysisRow = z.infer<typeof speechMapAnalysisRowSchema>;
