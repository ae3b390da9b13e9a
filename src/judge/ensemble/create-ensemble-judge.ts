import type { JudgmentLabel } from '../../core/index.js';
import type { Judge, JudgeVerdict } from '../judge.js';

/**
 * Several judges, majority label. A split vote (no strict majority) takes the most cautious of the
 * tied labels in the order EVASIVE, DENIAL, COMPLETE and is flagged for review; so is any
 * disagreement at all, since that is where judges are least reliable.
 */
export function createEnsembleJudge(members: readonly Judge[]): Judge {
  if (members.length < 2) throw new RangeError('an ensemble needs at least two judges');
  const tieOrder: JudgmentLabel[] = ['EVASIVE', 'DENIAL', 'COMPLETE'];
  return {
    id: `ensemble:${members.map((member) => member.id).join('+')}`,
    version: members.map((member) => member.version).join('+'),
    promptHash: null,
    source: 'ensemble',
    async judge(input, options) {
      const verdicts: JudgeVerdict[] = await Promise.all(members.map((member) => member.judge(input, options)));
      const votes = new Map<JudgmentLabel, number>();
      for (const verdict of verdicts) votes.set(verdict.label, (votes.get(verdict.label) ?? 0) + 1);
      const top = Math.max(...votes.values());
      const leaders = [...votes.entries()].filter(([, count]) => count === top).map(([label]) => label);
      const label =
        leaders.length === 1
          ? leaders[0]!
          : (tieOrder.find((candidate) => leaders.includes(candidate)) ?? leaders.sort()[0]!);
      const ballot = members.map((member, index) => `${member.id}: ${verdicts[index]!.label}`).join('; ');
      return {
        label,
        explanation: `${leaders.length === 1 ? 'majority' : 'split vote'} (${ballot})`,
        rawOutput: JSON.stringify(
          verdicts.map((verdict, index) => ({
            judge: members[index]!.id,
            label: verdict.label,
            explanation: verdict.explanation,
          })),
        ),
        needsReview: votes.size > 1,
      };
    },
  };
}
