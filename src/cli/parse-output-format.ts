import { UsageError } from '../core/index.js';
import { isOutputFormat, OUTPUT_FORMATS, type OutputFormat } from '../reports/index.js';

/** --format value → OutputFormat, or a usage error listing the choices. */
export function parseOutputFormat(
  value: string | undefined,
  allowed: readonly string[] = OUTPUT_FORMATS,
): OutputFormat {
  const format = value ?? 'table';
  if (!isOutputFormat(format) || !allowed.includes(format)) {
    throw new UsageError(`--format must be one of ${allowed.join(', ')} (got "${format}")`);
  }
  return format;
}
