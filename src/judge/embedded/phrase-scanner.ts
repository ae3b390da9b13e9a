/**
 * Counts the matches of several phrase patterns in one pass over a text, with exactly the results
 * of running each global pattern on its own (as `countInRegions` does).
 *
 * The patterns must describe finite languages (literals, `(?:…|…)` groups, `?` and simple `[…]`
 * classes, and `\b` word boundaries, which match no characters and are checked by the sticky copy),
 * which the phrase lists of the hand features do. Every string a pattern can match is
 * enumerated once, and tables of their first one, two or three code units mark the positions where a match
 * can start. Only there is the pattern run, as a sticky copy; a global regular expression finds the
 * leftmost match at or after its lastIndex, which is the first candidate at or after the end of the
 * previous match where the sticky copy matches, so the counts are the same.
 */

const MAX_LANGUAGE = 100_000;

/** All strings a finite-language pattern source matches (throws on syntax outside the supported subset). */
export function enumeratePatternLanguage(source: string): string[] {
  let position = 0;

  function alternation(): string[] {
    const result = [...sequence()];
    while (source[position] === '|') {
      position += 1;
      result.push(...sequence());
    }
    return result;
  }

  function sequence(): string[] {
    let result = [''];
    while (position < source.length && source[position] !== '|' && source[position] !== ')') {
      let atom: string[];
      const character = source[position]!;
      if (source.startsWith('\\b', position)) {
        // A word boundary consumes nothing: the enumerated strings are a superset of the matches, and
        // the sticky copy of the pattern, run on the whole text, checks the boundary itself.
        position += 2;
        continue;
      }
      if (source.startsWith('(?:', position)) {
        position += 3;
        atom = alternation();
        if (source[position] !== ')') throw new Error(`phrase pattern: unclosed group in ${source}`);
        position += 1;
      } else if (character === '[') {
        const end = source.indexOf(']', position);
        const members = source.slice(position + 1, end);
        if (end === -1 || members === '' || /[\\^\-\]]/.test(members))
          throw new Error(`phrase pattern: unsupported class in ${source}`);
        atom = [...members];
        position = end + 1;
      } else if ('\\.*+?{}()^$]'.includes(character)) {
        throw new Error(`phrase pattern: unsupported syntax "${character}" in ${source}`);
      } else {
        atom = [character];
        position += 1;
      }
      if (source[position] === '?') {
        position += 1;
        atom = ['', ...atom];
      } else if (position < source.length && '*+{'.includes(source[position]!)) {
        throw new Error(`phrase pattern: unsupported quantifier in ${source}`);
      }
      const next: string[] = [];
      for (const prefix of result) for (const suffix of atom) next.push(prefix + suffix);
      if (next.length > MAX_LANGUAGE) throw new Error(`phrase pattern: language too large in ${source}`);
      result = next;
    }
    return result;
  }

  const language = alternation();
  if (position !== source.length) throw new Error(`phrase pattern: unexpected "${source[position]}" in ${source}`);
  return language;
}

export interface RegionCounts {
  whole: number;
  opening: number;
  closing: number;
}

const PAIR_BITS = 16;
const PAIR_MASK = (1 << PAIR_BITS) - 1;

function pairSlot(first: number, second: number): number {
  return ((Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b)) >>> (32 - PAIR_BITS)) & PAIR_MASK;
}

function tripleSlot(first: number, second: number, third: number): number {
  return (
    ((Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b) ^ Math.imul(third, 0xc2b2ae35)) >>>
      (32 - PAIR_BITS)) &
    PAIR_MASK
  );
}

export class PhraseScanner {
  private readonly sticky: RegExp[];
  /** Patterns with a match starting with this code unit. */
  private readonly firstMask = new Uint32Array(0x10000);
  /** Patterns that match a one-unit string starting with this code unit (no second unit needed). */
  private readonly singleMask = new Uint32Array(0x10000);
  /** Patterns matching a two-unit string that is this pair of code units (hashed; collisions only add candidates). */
  private readonly pairMask = new Uint32Array(1 << PAIR_BITS);
  /** Patterns with a match of three or more units starting with these three code units (hashed likewise). */
  private readonly tripleMask = new Uint32Array(1 << PAIR_BITS);
  private readonly next: Int32Array;
  /** Start positions of the matches of each pattern in the last text scanned. */
  private readonly starts: number[][];
  private lastText: string | undefined;

  constructor(patterns: readonly RegExp[]) {
    if (patterns.length > 31) throw new Error('phrase scanner: at most 31 patterns');
    this.sticky = patterns.map((pattern) => {
      if (pattern.flags !== 'g') throw new Error(`phrase scanner: expected only the g flag on /${pattern.source}/`);
      return new RegExp(pattern.source, 'y');
    });
    patterns.forEach((pattern, index) => {
      const bit = 1 << index;
      for (const phrase of enumeratePatternLanguage(pattern.source)) {
        if (phrase.length === 0) throw new Error(`phrase scanner: /${pattern.source}/ matches the empty string`);
        const first = phrase.charCodeAt(0);
        this.firstMask[first]! |= bit;
        if (phrase.length === 1) this.singleMask[first]! |= bit;
        else if (phrase.length === 2) this.pairMask[pairSlot(first, phrase.charCodeAt(1))]! |= bit;
        else this.tripleMask[tripleSlot(first, phrase.charCodeAt(1), phrase.charCodeAt(2))]! |= bit;
      }
    });
    this.next = new Int32Array(patterns.length);
    this.starts = patterns.map(() => []);
  }

  /** Finds the matches of every pattern in `text` (remembered until another text is scanned). */
  private scan(text: string): void {
    if (text === this.lastText) return;
    const { sticky, firstMask, singleMask, pairMask, tripleMask, next, starts } = this;
    next.fill(0);
    for (const list of starts) list.length = 0;
    const length = text.length;
    for (let position = 0; position < length; position += 1) {
      const first = text.charCodeAt(position);
      let mask = firstMask[first]!;
      if (mask === 0) continue;
      // Near the end the first unit alone decides (a superset of the candidates).
      if (position + 2 < length) {
        const second = text.charCodeAt(position + 1);
        mask &=
          singleMask[first]! |
          pairMask[pairSlot(first, second)]! |
          tripleMask[tripleSlot(first, second, text.charCodeAt(position + 2))]!;
      }
      while (mask !== 0) {
        const bit = mask & -mask;
        mask ^= bit;
        const pattern = 31 - Math.clz32(bit);
        if (position < next[pattern]!) continue;
        const regex = sticky[pattern]!;
        regex.lastIndex = position;
        if (!regex.test(text)) continue;
        next[pattern] = regex.lastIndex;
        starts[pattern]!.push(position);
      }
    }
    this.lastText = text;
  }

  /**
   * Match count of pattern number `pattern` in `text`, and of its matches starting in the first
   * `openingLength` and the last `closingLength` characters (the same as countInRegions).
   */
  count(text: string, pattern: number, openingLength = 0, closingLength = 0): RegionCounts {
    this.scan(text);
    const starts = this.starts[pattern]!;
    const closingStart = text.length - closingLength;
    let opening = 0;
    let closing = 0;
    for (const start of starts) {
      if (start < openingLength) opening += 1;
      if (start >= closingStart) closing += 1;
    }
    return { whole: starts.length, opening, closing };
  }

  /** Start positions (ascending) of the matches of pattern number `pattern` in `text`; valid until another text is scanned. */
  matchStarts(text: string, pattern: number): readonly number[] {
    this.scan(text);
    return this.starts[pattern]!;
  }
}

const registered: RegExp[] = [];
let shared: PhraseScanner | undefined;

/**
 * Adds a phrase pattern to the scanner shared by the hand features, so that all of them are found
 * in a single pass over a response; returns its number for `countPhrases`.
 */
export function registerPhrasePattern(pattern: RegExp): number {
  registered.push(pattern);
  shared = undefined;
  return registered.length - 1;
}

/** `countInRegions(text, pattern, openingLength, closingLength)` for a registered pattern. */
export function countPhrases(text: string, pattern: number, openingLength = 0, closingLength = 0): RegionCounts {
  shared ??= new PhraseScanner(registered);
  return shared.count(text, pattern, openingLength, closingLength);
}

/** Start positions of the matches of a registered pattern in `text` (ascending; valid until the next text is scanned). */
export function phraseMatchStarts(text: string, pattern: number): readonly number[] {
  shared ??= new PhraseScanner(registered);
  return shared.matchStarts(text, pattern);
}

/** The registered patterns, in registration order (for tests). */
export function registeredPhrasePatterns(): readonly RegExp[] {
  return registered;
}
