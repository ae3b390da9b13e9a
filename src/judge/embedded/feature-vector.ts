import { FEATURE_COUNT } from './hash-feature.js';

/** A sparse feature vector: sorted bucket indices and their values. */
export interface FeatureVector {
  indices: Int32Array;
  values: Float32Array;
}

// Scratch arrays shared by every extraction. Extraction is synchronous, so one set suffices; they
// replace per-call Maps, which were the hot spot when judging thousands of responses a second.
const blockMarks = new Uint32Array(FEATURE_COUNT);
let blockGeneration = 0;
const accumulatorValues = new Float64Array(FEATURE_COUNT);
const accumulatorMarks = new Uint32Array(FEATURE_COUNT);
let accumulatorGeneration = 0;

/** A set of binary features (bucket indices, each counted once), built one block at a time. */
export class BinaryBlock {
  readonly indices: number[] = [];
  private readonly generation: number;

  constructor() {
    blockGeneration = (blockGeneration + 1) >>> 0;
    if (blockGeneration === 0) {
      blockMarks.fill(0);
      blockGeneration = 1;
    }
    this.generation = blockGeneration;
  }

  /** Adds a bucket; must be called before the next BinaryBlock is created. */
  add(index: number): void {
    if (blockMarks[index] === this.generation) return;
    blockMarks[index] = this.generation;
    this.indices.push(index);
  }

  get size(): number {
    return this.indices.length;
  }

  has(index: number): boolean {
    return this.indices.includes(index);
  }
}

/** Accumulates hashed feature values; colliding features add up. One accumulator at a time. */
export class FeatureAccumulator {
  private readonly touched: number[] = [];
  private readonly generation: number;

  constructor() {
    accumulatorGeneration = (accumulatorGeneration + 1) >>> 0;
    if (accumulatorGeneration === 0) {
      accumulatorMarks.fill(0);
      accumulatorGeneration = 1;
    }
    this.generation = accumulatorGeneration;
  }

  add(index: number, value: number): void {
    if (value === 0) return;
    if (accumulatorMarks[index] !== this.generation) {
      accumulatorMarks[index] = this.generation;
      accumulatorValues[index] = 0;
      this.touched.push(index);
    }
    accumulatorValues[index]! += value;
  }

  /** Adds every feature of a binary block with value `weight / sqrt(block size)` (unit L2 norm times weight). */
  addBlock(block: BinaryBlock, weight: number): void {
    if (block.size === 0) return;
    const value = weight / Math.sqrt(block.size);
    for (const index of block.indices) this.add(index, value);
  }

  toVector(): FeatureVector {
    const indices = Int32Array.from(this.touched).sort();
    const values = new Float32Array(indices.length);
    for (let position = 0; position < indices.length; position += 1) values[position] = accumulatorValues[indices[position]!]!;
    return { indices, values };
  }
}
