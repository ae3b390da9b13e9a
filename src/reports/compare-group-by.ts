import type { LabelRow } from '../store/index.js';

/** What a comparison can be broken down by, and the row field behind each. */
export const COMPARE_GROUP_FIELDS = {
  set: 'set',
  domain: 'domain',
  theme: 'theme',
  variation: 'variation',
  country: 'country',
  language: 'language',
  template: 'templateId',
} as const satisfies Record<string, keyof LabelRow>;

export type CompareGroupBy = keyof typeof COMPARE_GROUP_FIELDS;

export function isCompareGroupBy(value: string): value is CompareGroupBy {
  return Object.hasOwn(COMPARE_GROUP_FIELDS, value);
}
