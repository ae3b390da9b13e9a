import { CandorError } from '../core/index.js';
import { MOCK_FAULTS, isMockFault, type MockFault, type MockFaultRule } from './mock-fault.js';

const ALIASES: Record<string, MockFault> = {
  '429': 'rate_limit',
  '500': 'server_error_500',
  '502': 'server_error_502',
  '503': 'server_error_503',
};

/**
 * Parses a CLI fault list such as `rate_limit:0.05,server_error_500:0.02` into rate rules.
 * A token is `fault[:rate]` with the rate in [0, 1]; a bare fault name means every request.
 * Rules are tried in order with independent draws, so later rates apply to what earlier ones left.
 */
export function parseFaultSpec(spec: string): MockFaultRule[] {
  if (spec.trim() === '') return [];
  return spec.split(',').map((raw, position) => {
    const token = raw.trim();
    const fail = (problem: string): never => {
      throw new CandorError('fault_spec_invalid', `fault spec token ${position + 1} "${token}": ${problem}`);
    };
    if (token === '') fail('empty token; separate faults with single commas, e.g. rate_limit:0.05,timeout:0.01');
    const parts = token.split(':');
    if (parts.length > 2) fail('expected fault[:rate], e.g. rate_limit:0.05');
    const name = parts[0]!.trim();
    const fault = isMockFault(name) ? name : ALIASES[name];
    if (!fault) fail(`unknown fault "${name}"; expected one of ${MOCK_FAULTS.join(', ')} (or 429, 500, 502, 503)`);
    if (parts.length === 1) return { fault: fault! };
    const rateText = parts[1]!.trim();
    const rate = Number(rateText);
    if (rateText === '' || !Number.isFinite(rate) || rate < 0 || rate > 1) {
      fail(`rate "${rateText}" must be a number between 0 and 1, e.g. ${name}:0.05`);
    }
    return { fault: fault!, rate };
  });
}
