/** The parts of a response that hand features look at separately: the opening, the closing, and the whole. */
export interface TextRegions {
  whole: string;
  opening: string;
  closing: string;
}

/** Opening and closing are the first and last ~15% of the text, clamped to 300–1,200 characters. */
export function textRegions(normalized: string): TextRegions {
  const span = Math.min(1200, Math.max(300, Math.round(normalized.length * 0.15)));
  return {
    whole: normalized,
    opening: normalized.slice(0, span),
    closing: normalized.length > span ? normalized.slice(-span) : normalized,
  };
}
