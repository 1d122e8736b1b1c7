import { describe, expect, it } from 'vitest';
import { Batcher } from './batcher.js';

describe('Batcher', () => {
  it('sends requests made together as one batch, and those queued behind it as the next', async () => {
    const batches: number[][] = [];
    const batcher = new Batcher<number, number>(
      async (inputs) => {
        batches.push(inputs);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return inputs.map((n) => n * 10);
      },
      { maxInFlight: 1, maxBatch: 64 },
    );
    const first = Promise.all([1, 2].map((n) => batcher.submit(n)));
    await new Promise((resolve) => setImmediate(resolve)); // [1, 2] has left and is running
    const second = Promise.all([3, 4, 5].map((n) => batcher.submit(n)));
    expect(await first).toEqual([10, 20]);
    expect(await second).toEqual([30, 40, 50]);
    expect(batches).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
  });

  it('never puts two requests with the same key in one batch', async () => {
    const batches: string[][] = [];
    const batcher = new Batcher<string, string>(
      async (inputs) => {
        batches.push(inputs);
        await new Promise((resolve) => setTimeout(resolve, 1));
        return inputs;
      },
      { maxInFlight: 1, maxBatch: 64, keyOf: (s) => s.slice(0, 1) },
    );
    await Promise.all(['x0', 'a1', 'a2', 'b1', 'a3'].map((s) => batcher.submit(s)));
    for (const batch of batches) expect(new Set(batch.map((s) => s[0])).size).toBe(batch.length);
    expect(batches.flat().sort()).toEqual(['a1', 'a2', 'a3', 'b1', 'x0']);
  });

  it('lets a failing request fail alone: the batch is retried one by one', async () => {
    const batcher = new Batcher<string, string>(
      async (inputs) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (inputs.includes('bad')) throw new Error('refused');
        return inputs.map((s) => s.toUpperCase());
      },
      { maxInFlight: 1, maxBatch: 64 },
    );
    const results = await Promise.allSettled(['first', 'ok1', 'bad', 'ok2'].map((s) => batcher.submit(s)));
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'rejected'))).toEqual([
      'FIRST',
      'OK1',
      'rejected',
      'OK2',
    ]);
  });
});
