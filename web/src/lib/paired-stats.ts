// The static site has no server, so its compare page computes the paired statistics in the browser.
// Same formulas as src/stats (web/ may not import it): Wilson, Newcombe's paired method 10, exact McNemar.

const Z_95 = 1.959963984540054;

/** 95% Wilson score interval. */
export function wilson(successes: number, total: number): { low: number; high: number } {
  if (total <= 0) return { low: 0, high: 1 };
  const p = successes / total;
  const z2 = Z_95 * Z_95;
  const denominator = 1 + z2 / total;
  const center = (p + z2 / (2 * total)) / denominator;
  const half = (Z_95 / denominator) * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  return { low: Math.max(0, center - half), high: Math.min(1, center + half) };
}

/** Newcombe's paired difference interval (1998, method 10) for the table a, b, c, d. */
export function newcombePaired(a: number, b: number, c: number, d: number): { estimate: number; low: number; high: number } {
  const n = a + b + c + d;
  if (n === 0) return { estimate: 0, low: -1, high: 1 };
  const p1 = (a + b) / n;
  const p2 = (a + c) / n;
  const first = wilson(a + b, n);
  const second = wilson(a + c, n);
  const product = (a + b) * (c + d) * (a + c) * (b + d);
  const phi = product === 0 ? 0 : (a * d - b * c) / Math.sqrt(product);
  const [fb, fa, sb, sa] = [p1 - first.low, first.high - p1, p2 - second.low, second.high - p2];
  const lower = Math.sqrt(Math.max(0, fb ** 2 - 2 * phi * fb * sa + sa ** 2));
  const upper = Math.sqrt(Math.max(0, fa ** 2 - 2 * phi * fa * sb + sb ** 2));
  return { estimate: p1 - p2, low: p1 - p2 - lower, high: p1 - p2 + upper };
}

function logChoose(n: number, k: number): number {
  let sum = 0;
  for (let index = 1; index <= k; index += 1) sum += Math.log((n - k + index) / index);
  return sum;
}

/** Exact two-sided McNemar p-value on the discordant counts b and c. */
export function mcnemarExact(b: number, c: number): number {
  const n = b + c;
  if (n === 0) return 1;
  const k = Math.min(b, c);
  let tail = 0;
  for (let index = 0; index <= k; index += 1) tail += Math.exp(logChoose(n, index) - n * Math.LN2);
  return Math.min(1, 2 * tail);
}
