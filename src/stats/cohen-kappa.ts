import { assertSquareConfusion } from './assert-square-confusion.js';

/**
 * Cohen's kappa for agreement between two raters (Cohen 1960, Educ Psychol Meas 20:37-46):
 * κ = (pₒ − pₑ)/(1 − pₑ), with confusion[i][j] = items rater one put in category i and rater two
 * in category j. NaN when there are no items or chance agreement is already 1 (κ undefined).
 */
export function cohenKappa(confusion: readonly (readonly number[])[]): number {
  assertSquareConfusion(confusion, 'cohenKappa');
  const size = confusion.length;
  let total = 0;
  let agreed = 0;
  const rowTotals = new Array<number>(size).fill(0);
  const columnTotals = new Array<number>(size).fill(0);
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      const count = confusion[row]![column]!;
      total += count;
      rowTotals[row]! += count;
      columnTotals[column]! += count;
      if (row === column) agreed += count;
    }
  }
  if (total === 0) return Number.NaN;
  const observed = agreed / total;
  let expected = 0;
  for (let index = 0; index < size; index += 1) {
    expected += (rowTotals[index]! / total) * (columnTotals[index]! / total);
  }
  if (expected === 1) return Number.NaN;
  return (observed - expected) / (1 - expected);
}
