export type TextLanguage = 'en' | 'zh' | 'fi' | 'other';

const FINNISH_WORDS = /(?:^|[^\p{L}])(?:ja|on|ei|että|tämä|se|kuin|mutta|myös|ovat|joka|sekä|kiina|kiinan|voi|olla)(?=[^\p{L}]|$)/gu;
const ENGLISH_WORDS = /(?:^|[^\p{L}])(?:the|and|of|to|is|that|in|it|for|are|this|with)(?=[^\p{L}]|$)/gu;

/** Cheap script and stop-word heuristic over the first 1,000 characters; good enough for en/zh/fi. */
export function detectLanguage(text: string): TextLanguage {
  const sample = text.slice(0, 1000).toLowerCase();
  let han = 0;
  let letters = 0;
  for (let index = 0; index < sample.length; index += 1) {
    const code = sample.charCodeAt(index);
    if (code >= 0x4e00 && code <= 0x9fff) han += 1;
    else if ((code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code < 0x3000)) letters += 1;
  }
  if (han > 0 && han >= letters * 0.25) return 'zh';
  const finnish = sample.match(FINNISH_WORDS)?.length ?? 0;
  const english = sample.match(ENGLISH_WORDS)?.length ?? 0;
  if (finnish === 0 && english === 0) return 'other';
  if (finnish > english || (/[äö]/.test(sample) && finnish * 2 > english)) return 'fi';
  return 'en';
}
