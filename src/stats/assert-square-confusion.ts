/** Checks that a confusion matrix is square, non-empty and holds non-negative finite counts. */
export function assertSquareConfusion(confusion: readonly (readonly number[])[], caller: string): void {
  const size = confusion.length;
  if (size === 0) throw new RangeError(`${caller}: the confusion matrix is empty`);
  confusion.forEach((row, rowIndex) => {
    if (row.length !== size) {
      throw new RangeError(`${caller}: row ${rowIndex} has ${row.length} cells, expected ${size} (square matrix)`);
    }
    row.forEach((count, columnIndex) => {
      if (!(count >= 0) || !Number.isFinite(count)) {
        throw new RangeError(
          `${caller}: cell [${rowIndex}][${columnIndex}] is ${count}; counts must be finite and >= 0`,
        );
      }
    });
  });
}
