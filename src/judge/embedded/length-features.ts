/** Response length and its ratio to the request: refusals are short, full drafts are long. */
export function lengthFeatures(
  responseCharacters: number,
  responseWords: number,
  questionWords: number,
): Record<string, number> {
  const logWords = Math.log1p(responseWords);
  return {
    log_words: logWords / 8,
    very_short: responseWords < 60 ? 1 : 0,
    short: responseWords < 200 ? 1 : 0,
    long: responseWords > 600 ? 1 : 0,
    length_ratio: Math.log1p(responseWords / Math.max(questionWords, 5)) / 5,
    empty: responseCharacters < 20 ? 1 : 0,
  };
}
