// 审计日志的写入 (issue 13, R-F4): one writer per process, one hash chain per writer. Entries of
// concurrent requests are written together (group commit): while one INSERT is in flight the next
// entries queue, and go in one INSERT as soon as it returns — so a busy service writes one statement
// per round trip, not one per request, and every caller still waits for its own entry to be stored.
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/types.js';
import { insertAuditBatch, latestAnchor, type Anchor } from '../store/audit.js';
import { entryHash, GENESIS, type AuditRecord, type AuditRow } from './audit-hash.js';

export interface AuditWriterOptions {
  /** An anchor at least every this many entries (default 256). */
  anchorEvery?: number;
  /** … and at least this often while entries are written (default 1 s). */
  anchorMs?: number;
  /** Milliseconds since the epoch (tests). */
  now?: () => number;
}

interface Pending {
  record: AuditRecord;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** The action of a chain's first link: it names the anchor the log had when the chain began. */
export const CHAIN_START = 'audit.chain-start';
/** Written when entries can be stored again after a failure: the gap is on the record. */
export const RESUMED = 'audit.resumed';

export class AuditWriter {
  /** A new chain per process start: no two writers ever share one, so no lock is needed. */
  readonly chainId: string;
  private seq = 0;
  /** The last stored entry's hash; null until the chain's first link is stored. */
  private prevHash: string | null = null;
  private queue: Pending[] = [];
  private running: Promise<void> | null = null;
  private lastAnchorSeq = 0;
  private lastAnchorAt = 0;
  /** When the last batch failed (epoch ms); null while batches are stored. */
  private failedAt: number | null = null;
  private recovering: Promise<boolean> | null = null;
  private readonly anchorEvery: number;
  private readonly anchorMs: number;
  private readonly now: () => number;

  constructor(
    private readonly db: Queryable,
    options: AuditWriterOptions = {},
  ) {
    this.chainId = `${new Date().toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(8).toString('hex')}`;
    this.anchorEvery = options.anchorEvery ?? 256;
    this.anchorMs = options.anchorMs ?? 1000;
    this.now = options.now ?? Date.now;
  }

  /** False after a batch could not be stored, until one is: writes are refused meanwhile (503). */
  get healthy(): boolean {
    return this.failedAt === null;
  }

  /**
   * After a failed batch: writes an `audit.resumed` entry (saying since when entries may be missing)
   * and answers whether it was stored. Concurrent callers share one attempt.
   */
  recover(): Promise<boolean> {
    const since = this.failedAt;
    if (since === null) return Promise.resolve(true);
    this.recovering ??= this.append({
      at: new Date(this.now()).toISOString(),
      actor: 'system',
      ip: null,
      action: RESUMED,
      target: null,
      status: null,
      outcome: 'ok',
      detail: { failedSince: new Date(since).toISOString() },
    })
      .then(
        () => true,
        () => false,
      )
      .finally(() => {
        this.recovering = null;
      });
    return this.recovering;
  }

  /** Resolves once the entry is stored (with the others of its batch); rejects when it could not be. */
  append(record: AuditRecord): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ record, resolve, reject });
      this.running ??= this.drain();
    });
  }

  /** Waits for what is queued, then anchors the chain's last entry (a clean stop leaves no unanchored tail). */
  async close(): Promise<void> {
    while (this.running !== null) await this.running;
    if (this.prevHash !== null && this.lastAnchorSeq < this.seq)
      await insertAuditBatch(this.db, [], { chainId: this.chainId, seq: this.seq, hash: this.prevHash });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      try {
        await this.write(batch.map((p) => p.record));
        this.failedAt = null;
        for (const p of batch) p.resolve();
      } catch (err) {
        this.failedAt ??= this.now();
        for (const p of batch) p.reject(err);
      }
    }
    this.running = null;
  }

  /** Gives the batch its places in the chain and stores it; on failure the chain is left as it was. */
  private async write(records: readonly AuditRecord[]): Promise<void> {
    let seq = this.seq;
    let prev = this.prevHash;
    const rows: AuditRow[] = [];
    const link = (record: AuditRecord, prevHash: string): void => {
      seq += 1;
      const hash = entryHash(record, this.chainId, seq, prevHash);
      rows.push({ ...record, chainId: this.chainId, seq, prevHash, hash });
      prev = hash;
    };
    if (prev === null) {
      const anchor: Anchor | null = await latestAnchor(this.db);
      link(
        {
          at: new Date(this.now()).toISOString(),
          actor: 'system',
          ip: null,
          action: CHAIN_START,
          target: null,
          status: null,
          outcome: 'ok',
          detail: {
            previousAnchor:
              anchor === null ? null : { chainId: anchor.chainId, seq: anchor.seq, hash: anchor.hash },
          },
        },
        anchor?.hash ?? GENESIS,
      );
    }
    for (const record of records) link(record, prev ?? GENESIS);
    const due =
      seq - this.lastAnchorSeq >= this.anchorEvery ||
      this.now() - this.lastAnchorAt >= this.anchorMs ||
      this.lastAnchorSeq === 0;
    const last = rows.at(-1);
    const anchor =
      due && last !== undefined ? { chainId: this.chainId, seq: last.seq, hash: last.hash } : null;
    await insertAuditBatch(this.db, rows, anchor);
    this.seq = seq;
    this.prevHash = prev;
    if (anchor !== null) {
      this.lastAnchorSeq = anchor.seq;
      this.lastAnchorAt = this.now();
    }
  }
}
