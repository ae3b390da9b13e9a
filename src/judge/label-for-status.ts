import type { ErrorLabel, ResponseStatus } from '../core/index.js';

/**
 * The label an outcome gets without calling any judge: provider-side failures are errors, not
 * verdicts. Returns null for a success, which a judge must look at.
 */
export function labelForStatus(status: ResponseStatus): ErrorLabel | null {
  switch (status) {
    case 'success':
      return null;
    case 'moderation':
      return 'ERROR_MODERATION';
    case 'truncation':
      return 'ERROR_TRUNCATED';
    case 'provider_error':
    case 'empty':
    case 'missing_content':
    case 'unknown_shape':
      return 'ERROR_FAILED';
  }
}
