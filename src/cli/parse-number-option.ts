import { UsageError } from '../core/index.js';

/** A numeric option, validated: integer and bounds as asked. */
export function parseNumberOption(
  name: string,
  value: string | undefined,
  options: { integer?: boolean; min?: number; max?: number } = {},
): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  const wrong =
    value.trim() === '' ||
    !Number.isFinite(number) ||
    (options.integer && !Number.isInteger(number)) ||
    (options.min !== undefined && number < options.min) ||
    (options.max !== undefined && number > options.max);
  if (wrong) {
    const bounds = [
      options.min !== undefined ? `≥ ${options.min}` : null,
      options.max !== undefined ? `≤ ${options.max}` : null,
    ]
      .filter(Boolean)
      .join(' and ');
    throw new UsageError(
      `--${name} must be ${options.integer ? 'an integer' : 'a number'}${bounds ? ` ${bounds}` : ''} (got "${value}")`,
    );
  }
  return number;
}
