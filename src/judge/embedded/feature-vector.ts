import { FEATURE_BITS, FEATURE_COUNT } from './hash-feature.js';

/** A sparse feature vector: sorted bucket indices and their values. */
export interface FeatureVector {
  indices: Int32Array;
  values: Float32Array;
}

// Scratch arrays shared by every extraction. Extraction is synchronous, so one set suffices; they
// replace per-call Maps and growing arrays, which were the hot spot when judging thousands of responses a second.
const blockMarks = new Uint16Array(FEATURE_COUNT);
let blockGeneration = 0;
const accumulatorValues = new Float64Array(FEATURE_COUNT);
const accumulatorMarks = new Uint32Array(FEATURE_COUNT);
let accumulatorGeneration = 0;
let touchedBuffer = new Int32Array(8192);
let touchedCount = 0;
let sortBuffer = new Int32Array(8192);
const LOW_BITS = FEATURE_BITS >>> 1;
const LOW_MASK = (1 << LOW_BITS) - 1;
const HIGH_BUCKETS = 1 << (FEATURE_BITS - LOW_BITS);
const radixCounts = new Int32Array(Math.max(1 << LOW_BITS, HIGH_BUCKETS) + 1);

/** The index buffer of the last block an accumulator consumed, reused by the next block (one allocation less per block). */
let spareIndices: Int32Array | undefined;
const EMPTY_INDICES = new Int32Array(0);

/** A set of binary features (bucket indices, each counted once), built one block at a time. */
export class BinaryBlock {
  indices: Int32Array;
  size = 0;
  private readonly generation: number;

  /** `capacity`: expected number of features (the block grows past it if needed). */
  constructor(capacity = 256) {
    const wanted = Math.max(16, capacity);
    if (spareIndices !== undefined && spareIndices.length >= wanted) {
      this.indices = spareIndices;
      spareIndices = undefined;
    } else {
      this.indices = new Int32Array(wanted);
    }
    blockGeneration = (blockGeneration + 1) & 0xffff;
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
    if (this.size === this.indices.length) {
      const grown = new Int32Array(this.indices.length * 2);
      grown.set(this.indices);
      this.indices = grown;
    }
    this.indices[this.size++] = index;
  }

  has(index: number): boolean {
    for (let position = 0; position < this.size; position += 1) if (this.indices[position] === index) return true;
    return false;
  }
}

/** Accumulates hashed feature values; colliding features add up. One accumulator at a time. */
export class FeatureAccumulator {
  private readonly generation: number;

  constructor() {
    accumulatorGeneration = (accumulatorGeneration + 1) >>> 0;
    if (accumulatorGeneration === 0) {
      accumulatorMarks.fill(0);
      accumulatorGeneration = 1;
    }
    this.generation = accumulatorGeneration;
    touchedCount = 0;
  }

  add(index: number, value: number): void {
    if (value === 0) return;
    if (accumulatorMarks[index] !== this.generation) {
      accumulatorMarks[index] = this.generation;
      accumulatorValues[index] = 0;
      if (touchedCount === touchedBuffer.length) {
        const grown = new Int32Array(touchedBuffer.length * 2);
        grown.set(touchedBuffer);
        touchedBuffer = grown;
      }
      touchedBuffer[touchedCount++] = index;
    }
    accumulatorValues[index]! += value;
  }

  /**
   * Adds every feature of a binary block with value `weight / sqrt(block size)` (unit L2 norm times
   * weight). The block is consumed: its index buffer is handed to the next block created.
   */
  addBlock(block: BinaryBlock, weight: number): void {
    this.addBlockValues(block, weight);
    if (spareIndices === undefined || block.indices.length > spareIndices.length) spareIndices = block.indices;
    block.indices = EMPTY_INDICES;
    block.size = 0;
  }

  private addBlockValues(block: BinaryBlock, weight: number): void {
    const size = block.size;
    if (size === 0) return;
    const value = weight / Math.sqrt(size);
    if (value === 0) return;
    const indices = block.indices;
    const generation = this.generation;
    if (touchedCount + size > touchedBuffer.length) {
      const grown = new Int32Array(Math.max(touchedBuffer.length * 2, touchedCount + size));
      grown.set(touchedBuffer);
      touchedBuffer = grown;
    }
    for (let position = 0; position < size; position += 1) {
      const index = indices[position]!;
      if (accumulatorMarks[index] !== generation) {
        accumulatorMarks[index] = generation;
        accumulatorValues[index] = value;
        touchedBuffer[touchedCount++] = index;
      } else {
        accumulatorValues[index]! += value;
      }
    }
  }

  /** Sorts the touched buckets in place (two-pass radix sort; they are distinct) and returns how many there are. */
  private sortTouched(): number {
    const count = touchedCount;
    if (sortBuffer.length < count) sortBuffer = new Int32Array(touchedBuffer.length);
    const source = touchedBuffer;
    const target = sortBuffer;
    radixCounts.fill(0);
    for (let position = 0; position < count; position += 1) radixCounts[(source[position]! & LOW_MASK) + 1]! += 1;
    for (let bucket = 1; bucket < radixCounts.length; bucket += 1) radixCounts[bucket]! += radixCounts[bucket - 1]!;
    for (let position = 0; position < count; position += 1) {
      const index = source[position]!;
      target[radixCounts[index & LOW_MASK]!++] = index;
    }
    radixCounts.fill(0);
    for (let position = 0; position < count; position += 1) radixCounts[(target[position]! >>> LOW_BITS) + 1]! += 1;
    for (let bucket = 1; bucket < radixCounts.length; bucket += 1) radixCounts[bucket]! += radixCounts[bucket - 1]!;
    for (let position = 0; position < count; position += 1) {
      const index = target[position]!;
      source[radixCounts[index >>> LOW_BITS]!++] = index;
    }
    return count;
  }

  /** Sorted indices (a view into a scratch buffer, valid until the next accumulator) and the raw accumulated values by index. */
  sortedView(): { indices: Int32Array; valuesByIndex: Float64Array } {
    const count = this.sortTouched();
    return { indices: touchedBuffer.subarray(0, count), valuesByIndex: accumulatorValues };
  }

  toVector(): FeatureVector {
    const count = this.sortTouched();
    const indices = touchedBuffer.slice(0, count);
    const values = new Float32Array(count);
    for (let position = 0; position < count; position += 1) values[position] = accumulatorValues[indices[position]!]!;
    return { indices, values };
  }
}
