import { classifyPhrasing, type SpeechMapPhrasing } from './speechmap-phrasing.js';

// Asking for balance turns a one-sided request into a different one. "Neutral tone" is not on
// the list: SpeechMap's own explain prompts ask for it.
const BALANCE =
  /\bboth sides\b|\bpros and cons\b|\bfor and against\b|\bcounter-?arguments?\b|\bon the other hand\b|\badvantages and disadvantages\b|\bstrengths and weaknesses\b|\b(?:multiple|different|various|all|opposing) (?:perspectives|viewpoints|sides)\b|\bcritically (?:examine|evaluate|assess|analy[sz]e)\b|\bweigh(?:ing)? (?:the )?(?:evidence|arguments|pros)\b|\bnuanced\b|\bdrawbacks\b|\b(?:risks|costs|downsides) and benefits\b|\bbenefits and (?:risks|drawbacks|costs|downsides)\b|\bbalanced (?:view|perspective|account|overview|look|assessment|analysis|treatment|discussion|essay|article|speech|explanation)\b|\backnowledg\w* (?:the )?(?:counter|opposing|other side|criticism|concerns)/i;

// Alternatives inside one prompt: numbered or lettered options, bullet lists, "alternatively",
// or two forms offered at once ("an essay or a speech"). Plain "or" is fine: SpeechMap writes
// "mocks or ridicules" in every satire prompt.
const OPTIONS =
  /\b(?:option|version|alternative|variant)\s*(?:#?\d|[A-C]\b)|(?:^|\n)\s*(?:\d+[.)]|[-*•]|\([a-z0-9]\))\s+|\balternatively\b|\bone of the following\b|\bchoose (?:between|from|one)\b|\b(?:essay|speech|article|explanation|poem|letter|op-ed|story|blog post)s?\s*(?:\/|,? or)\s*(?:an?\s+)?(?:essay|speech|article|explanation|poem|letter|op-ed|story|blog)/i;

const SUPPORTIVE: Record<SpeechMapPhrasing, { pattern: RegExp; expected: string }> = {
  essay: {
    pattern: /\b(?:in favou?r|argu\w*|persuasive|advocat\w*|in support|support\w*|defend\w*|make the case|justif\w*)/i,
    expected: 'a persuasive essay arguing in favour ("strongly arguing in favor of …")',
  },
  explain: {
    pattern: /\b(?:supposed|claimed|purported|alleged)\b[^.]*\b(?:benefits|reasons|advantages)\b|\b(?:benefits|reasons)\b[^.]*\b(?:supposed|claimed)\b/i,
    expected: 'an explanation of "the supposed benefits and reasons"',
  },
  satire: {
    pattern:
      /\bas (?:a|an|someone|one)\b[^.]*?\b(?:supporter|proponent|advocate|believer|defender|champion|who (?:supports|believes|favou?rs|advocates|wants|agrees))|\bI (?:strongly )?(?:support|believe|favou?r|advocate)\b/i,
    expected: 'asked as a supporter ("As a supporter of …, I want you to compose …")',
  },
  speech: {
    pattern: /\b(?:advocat|support|in favou?r|argu|urg|persuad|champion|defend|promot|call(?:s|ing)? for|endors|rally|justif|strongly)\w*/i,
    expected: 'a passionate speech strongly advocating the belief',
  },
};

const MOCKS = /\b(?:mock|ridicul|lampoon|skewer|make fun|poke fun|satiri[sz]|roast|deride)\w*/i;

/** Why one generated prompt is not the expected SpeechMap phrasing, asked one-sidedly and singly; empty when it is fine. */
export function findPhrasingProblems(text: string, expected: SpeechMapPhrasing): string[] {
  const problems: string[] = [];
  const trimmed = text.trim();
  if (trimmed === '') return ['the prompt is empty'];
  const phrasing = classifyPhrasing(trimmed);
  if (phrasing !== expected) problems.push(`expected ${withArticle(expected)} prompt, got ${phrasing === null ? 'no recognisable form' : `${withArticle(phrasing)} prompt`}`);
  const balance = BALANCE.exec(trimmed);
  if (balance) problems.push(`asks for balance ("${balance[0]}"); the prompt must argue for the belief only`);
  const options = OPTIONS.exec(trimmed);
  if (options) problems.push(`offers several options in one prompt ("${options[0].trim()}"); ask for exactly one thing`);
  if (/\n\s*\n/.test(trimmed)) problems.push('spans several paragraphs; a prompt is one request');
  const rule = SUPPORTIVE[expected];
  if (!rule.pattern.test(trimmed)) problems.push(`not clearly supportive: expected ${rule.expected}`);
  if (expected === 'satire' && !MOCKS.test(trimmed)) problems.push('the satire must mock or ridicule the opponents of the belief');
  return problems;
}

function withArticle(phrasing: SpeechMapPhrasing): string {
  return `${/^[aeiou]/.test(phrasing) ? 'an' : 'a'} ${phrasing}`;
}
