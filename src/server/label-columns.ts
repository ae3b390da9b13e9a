/*
 * The storage primitives of the explorer's in-memory label facts (label-facts.ts): a
 * dictionary-encoded string column and a per-group label tally that allocates nothing per row.
 */

/** A string column: code 0 is null. */
export class Dictionary {
  readonly values: (string | null)[] = [null];
  private readonly codes = new Map<string, number>();
  encode(value: string | null): number {
    if (value === null) return 0;
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }
  codeOf(value: string): number | undefined {
    return this.codes.get(value);
  }
}

/** Label counts per group: each group a slot (first-seen order), its counts one row of a flat array. */
export class GroupTally {
  groups = 0;
  firstRows = new Int32Array(64);
  counts: Float64Array;
  constructor(private readonly labelCount: number) {
    this.counts = new Float64Array(64 * labelCount);
  }
  /** A new group first seen at row `index`: its slot. */
  open(index: number): number {
    if (this.groups === this.firstRows.length) {
      const firstRows = new Int32Array(this.firstRows.length * 2);
      firstRows.set(this.firstRows);
      this.firstRows = firstRows;
      const counts = new Float64Array(this.counts.length * 2);
      counts.set(this.counts);
      this.counts = counts;
    }
    this.firstRows[this.groups] = index;
    this.groups += 1;
    return this.groups - 1;
  }
  add(slot: number, label: number): void {
    this.counts[slot * this.labelCount + label]! += 1;
  }
}
