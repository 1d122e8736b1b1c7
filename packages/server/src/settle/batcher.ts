// Adaptive batching (合并请求): while `maxInFlight` batches are running, new requests queue; when
// one finishes, everything queued leaves together as the next batch. At low load a request
// leaves on the next turn of the event loop (no timer); at high load per-statement costs — a round
// trip, parse and execute, a commit and its WAL flush — are shared by the batch.
interface Pending<In, Out> {
  input: In;
  resolve: (out: Out) => void;
  reject: (err: unknown) => void;
}

export interface BatcherOptions<In> {
  maxInFlight: number;
  maxBatch: number;
  /** Two requests with the same key never share a batch (e.g. two writes of one person). */
  keyOf?: (input: In) => string;
}

export class Batcher<In, Out> {
  private queue: Pending<In, Out>[] = [];
  private inFlight = 0;
  private flushScheduled = false;

  constructor(
    /** Answers every input, in order. A rejection fails the batch; each input is then retried alone. */
    private readonly runBatch: (inputs: In[]) => Promise<Out[]>,
    private readonly options: BatcherOptions<In>,
  ) {}

  submit(input: In): Promise<Out> {
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    if (this.flushScheduled || this.queue.length === 0 || this.inFlight >= this.options.maxInFlight) return;
    // Leave on the next turn of the event loop, not now: requests whose bytes have already arrived
    // are parsed first and join this batch instead of each leaving alone.
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.take();
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private take(): Pending<In, Out>[] {
    const keyOf = this.options.keyOf;
    if (keyOf === undefined) return this.queue.splice(0, this.options.maxBatch);
    const batch: Pending<In, Out>[] = [];
    const rest: Pending<In, Out>[] = [];
    const keys = new Set<string>();
    for (const p of this.queue) {
      const key = keyOf(p.input);
      if (batch.length < this.options.maxBatch && !keys.has(key)) {
        keys.add(key);
        batch.push(p);
      } else rest.push(p);
    }
    this.queue = rest;
    return batch;
  }

  private async run(batch: Pending<In, Out>[]): Promise<void> {
    try {
      const outs = await this.runBatch(batch.map((p) => p.input));
      batch.forEach((p, i) => {
        p.resolve(outs[i] as Out);
      });
    } catch (err) {
      if (batch.length === 1) {
        batch[0]?.reject(err);
        return;
      }
      // One bad request fails the statement for all: run each alone so the error reaches only its own.
      await Promise.all(batch.map((p) => this.run([p])));
    }
  }
}
