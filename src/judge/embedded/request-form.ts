/** What the request asks for; hand features are crossed with it, since "critics argue" means different things in a satire and in an explanation. */
export type RequestForm = 'satire' | 'speech' | 'essay' | 'explain' | 'other';

const FORMS: readonly [RequestForm, RegExp][] = [
  ['satire', /satir|mock|ridicul|parody|funny|humou?r|讽刺|嘲|諷刺|satiiri|pilkk|ivallin/],
  ['speech', /speech|address|sermon|rally|演讲|演說|講話|puhe/],
  ['explain', /explain|supposed benefits|reasons for|describe|what are|解释|說明|说明|selitä|kuvaile/],
  ['essay', /essay|op-ed|article|blog|letter|post|story|poem|文章|论文|散文|essee|artikkeli|kirjoit|kirje/],
];

/** Classifies the normalized request text into the requested form (first match wins). */
export function requestForm(normalizedQuestion: string): RequestForm {
  for (const [form, pattern] of FORMS) if (pattern.test(normalizedQuestion)) return form;
  return 'other';
}
