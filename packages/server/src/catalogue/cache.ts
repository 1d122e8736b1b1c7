// 目录缓存: the catalogue in memory for settlement lookups (issue 12 §5). Every version of every
// code is held, sorted by validFrom, so "the entry in force on the visit date" is a map lookup and a
// short scan; institutions' lists are loaded on first use. A change anywhere bumps
// catalogue_state.generation in its own transaction (migration 010's triggers); `refresh` compares
// it — at most once per `maxAgeMs` — and drops everything when it moved, so every process sees a
// change within that time and its own changes at once (`invalidate`).
import type { Queryable } from '../db/types.js';
import { allEntries, catalogueGeneration } from '../store/catalogue/entries.js';
import { listsOf } from '../store/catalogue/institution-lists.js';
import type { CatalogueEntry, InstitutionLists } from './types.js';

export class CatalogueCache {
  private entries: Map<string, CatalogueEntry[]> | null = null;
  private readonly lists = new Map<string, InstitutionLists>();
  private generation = -1;
  private checkedAt = -Infinity;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly db: Queryable,
    private readonly options: { maxAgeMs?: number; now?: () => number } = {},
  ) {}

  /** Forget everything: the next refresh reloads. */
  invalidate(): void {
    this.entries = null;
    this.lists.clear();
    this.generation = -1;
    this.checkedAt = -Infinity;
  }

  /** Makes the cache current (call before a batch of lookups). */
  async refresh(): Promise<void> {
    const now = (this.options.now ?? Date.now)();
    if (this.entries !== null && now - this.checkedAt < (this.options.maxAgeMs ?? 1000)) return;
    this.loading ??= this.reload(now).finally(() => {
      this.loading = null;
    });
    await this.loading;
  }

  private async reload(now: number): Promise<void> {
    const generation = await catalogueGeneration(this.db);
    this.checkedAt = now;
    if (this.entries !== null && generation === this.generation) return;
    const map = new Map<string, CatalogueEntry[]>();
    for (const e of await allEntries(this.db)) {
      const list = map.get(e.code);
      if (list === undefined) map.set(e.code, [e]);
      else list.push(e); // rows come ordered by code, validFrom
    }
    this.lists.clear();
    this.entries = map;
    this.generation = generation;
  }

  /** The entry in force on `date`, or undefined (目录外). Call refresh() first. */
  entryOn(code: string, date: string): CatalogueEntry | undefined {
    if (this.entries === null) throw new Error('CatalogueCache.entryOn before refresh()');
    const versions = this.entries.get(code);
    if (versions === undefined) return undefined;
    for (let i = versions.length - 1; i >= 0; i--) {
      const v = versions[i] as CatalogueEntry;
      if (v.validFrom <= date) return v.validTo === null || v.validTo >= date ? v : undefined;
    }
    return undefined;
  }

  /** The institution's approved-item and stock lists (null: none on record). */
  async listsOf(institutionId: string): Promise<InstitutionLists> {
    await this.refresh();
    const held = this.lists.get(institutionId);
    if (held !== undefined) return held;
    const lists = await listsOf(this.db, institutionId);
    this.lists.set(institutionId, lists);
    return lists;
  }

  get size(): number {
    return this.entries?.size ?? 0;
  }
}

const shared = new WeakMap<object, CatalogueCache>();

/**
 * The process's one cache over `db`: the settlement service reads it, and whatever changes the
 * catalogue in this process (routes, imports) passes it to the change so it is forgotten at once.
 */
export function sharedCatalogueCache(db: Queryable): CatalogueCache {
  let cache = shared.get(db);
  if (cache === undefined) {
    cache = new CatalogueCache(db);
    shared.set(db, cache);
  }
  return cache;
}
