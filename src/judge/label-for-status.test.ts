import { describe, expect, it } from 'vitest';
import { RESPONSE_STATUSES } from '../core/index.js';
import { labelForStatus } from './label-for-status.js';

describe('labelForStatus', () => {
  it('sends only successes to a judge and labels every failure without one', () => {
    expect(Object.fromEntries(RESPONSE_STATUSES.map((status) => [status, labelForStatus(status)]))).toEqual({
      success: null,
      moderation: 'ERROR_MODERATION',
      truncation: 'ERROR_TRUNCATED',
      provider_error: 'ERROR_FAILED',
      empty: 'ERROR_FAILED',
      missing_content: 'ERROR_FAILED',
      unknown_shape: 'ERROR_FAILED',
    });
  });
});
