/** Describes a wrong input value for an error message: `42`, `"abc"`, `an array`, `nothing`. */
export function describeReceived(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'object') return 'an object';
  if (typeof input === 'string') {
    const shown = input.length > 40 ? `${input.slice(0, 40)}…` : input;
    return JSON.stringify(shown);
  }
  return String(input);
}
