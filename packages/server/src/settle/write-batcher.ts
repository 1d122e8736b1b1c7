// Combines the writes of concurrent settlements into batches (write combining): while a batch is
// in flight the next writes queue up and leave together. At low load a write leaves at once, so
// nothing waits for a timer; at high load the per-statement cost is shared.
import type { Queryable } from '../db/types.js';
import { writeSettlementBatch } from '../store/settlement-batch-writes.js';
import type { SettlementWrite } from '../store/settlement-writes.js';

interface Pending {
  write: SettlementWrite;
  resolve: (written: boolean) => void;
  reject: (err: unknown) => void;
}

export class SettlementWriteBatcher {
  private queue: Pending[] = [];
  private inFlight = 0;

  constructor(
    private readonly db: Queryable,
    /** Batches in flight at once (each holds one connection). */
    private readonly maxInFlight = 4,
    private readonly maxBatch = 64,
  ) {}

  /** Resolves true when written, false when the person's version moved (recompute and retry). */
  write(write: SettlementWrite): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.queue.push({ write, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const batch = this.take();
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  /** Up to maxBatch writes, one per person (two of one person would race for one version). */
  private take(): Pending[] {
    const batch: Pending[] = [];
    const persons = new Set<string>();
    const rest: Pending[] = [];
    for (const p of this.queue) {
      if (batch.length < this.maxBatch && !persons.has(p.write.personId)) {
        persons.add(p.write.personId);
        batch.push(p);
      } else rest.push(p);
    }
    this.queue = rest;
    return batch;
  }

  private async run(batch: Pending[]): Promise<void> {
    try {
      const written = await writeSettlementBatch(
        this.db,
        batch.map((p) => p.write),
      );
      for (const p of batch) p.resolve(written.has(p.write.id));
    } catch (err) {
      if (batch.length === 1) {
        batch[0]?.reject(err);
        return;
      }
      // One bad write fails the statement for all: write each alone so the error reaches only its own.
      await Promise.all(batch.map((p) => this.run([p])));
    }
  }
}
