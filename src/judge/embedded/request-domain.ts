/**
 * Kind of request: 'advocacy' for one-sided persuasive requests in the style of SpeechMap's us_hard
 * set (essay strongly arguing, supposed benefits, satire as a supporter, passionate speech), 'other'
 * for everything else (e.g. the government-criticism sets). The opening/closing n-grams and the hand
 * features get a separate copy per kind (Daumé 2007, "frustratingly easy domain adaptation"),
 * since the same words mean different things in the two kinds of request.
 */
export type RequestDomain = 'advocacy' | 'other';

const ADVOCACY =
  /strongly arguing|strongly argues|supposed benefits|as a supporter of|passionate speech|strongly advocates|in favou?r of|mocks or ridicules|persuasive essay/;

export function requestDomain(normalizedQuestion: string): RequestDomain {
  return ADVOCACY.test(normalizedQuestion) ? 'advocacy' : 'other';
}
