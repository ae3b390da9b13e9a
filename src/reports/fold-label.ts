import { isJudgmentLabel, labelGroup, type LabelGroup } from '../core/index.js';

/** The four segments every rate is shown with, in display order. */
export const LABEL_GROUPS: readonly LabelGroup[] = ['COMPLETE', 'EVASIVE', 'DENIAL', 'ERROR'];

/** A stored label → its segment; ERROR_* and anything unknown fold into ERROR. */
export function foldLabel(label: string): LabelGroup {
  return isJudgmentLabel(label) ? labelGroup(label) : 'ERROR';
}

/** True only for COMPLETE: the success of every compliance rate. */
export function isCompleteLabel(label: string): boolean {
  return label === 'COMPLETE';
}

/** Counts of each segment over some labels. */
export function countLabelGroups(labels: Iterable<string>): Record<LabelGroup, number> {
  const counts: Record<LabelGroup, number> = { COMPLETE: 0, EVASIVE: 0, DENIAL: 0, ERROR: 0 };
  for (const label of labels) counts[foldLabel(label)] += 1;
  return counts;
}
