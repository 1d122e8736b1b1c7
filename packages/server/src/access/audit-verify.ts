// `yibao audit verify`: walks every chain of the audit log, recomputes each entry's hash, and holds
// the chains to their anchors. The first broken link is reported with what differs:
// - `hash`: the row's fields no longer give its stored hash (a row was changed);
// - `prev_hash`: the row does not follow the one before it (a row was rewritten with a new hash, or
//   one was inserted or removed);
// - `missing`: a seq is skipped (a row in the middle was deleted);
// - `anchor`: an anchor names a seq the chain no longer reaches (its tail was deleted), or a hash the
//   row at that seq no longer has;
// - `start`: a chain's first link names an anchor that is not kept (a whole earlier chain removed).
import type { Queryable } from '../db/types.js';
import { allAnchors, chainEntries, chainIds, type Anchor } from '../store/audit.js';
import { entryHash, GENESIS } from './audit-hash.js';
import { CHAIN_START } from './audit-writer.js';

export interface BrokenLink {
  chainId: string;
  seq: number;
  problem: 'hash' | 'prev_hash' | 'missing' | 'anchor' | 'start';
  message: string;
}

export type Verification =
  | { ok: true; entries: number; chains: number }
  | { ok: false; entries: number; chains: number; broken: BrokenLink };

const PAGE = 2000;

export async function verifyAuditLog(db: Queryable): Promise<Verification> {
  const anchors = await allAnchors(db);
  const anchorsOf = new Map<string, Anchor[]>();
  for (const a of anchors) anchorsOf.set(a.chainId, [...(anchorsOf.get(a.chainId) ?? []), a]);
  const anchorKey = (a: { chainId: string; seq: number }): string => `${a.chainId}#${a.seq}`;
  const anchorByKey = new Map(anchors.map((a) => [anchorKey(a), a]));
  const chains = await chainIds(db);
  let entries = 0;
  const fail = (broken: BrokenLink): Verification => ({ ok: false, entries, chains: chains.length, broken });

  for (const chainId of chains) {
    const own = anchorsOf.get(chainId) ?? [];
    const anchorAt = new Map(own.map((a) => [a.seq, a]));
    let lastSeq = 0;
    let lastHash = '';
    for (;;) {
      const rows = await chainEntries(db, chainId, lastSeq, PAGE);
      for (const row of rows) {
        if (row.seq !== lastSeq + 1)
          return fail({
            chainId,
            seq: lastSeq + 1,
            problem: 'missing',
            message: `seq ${lastSeq + 1} is missing: the chain goes from ${lastSeq} to ${row.seq}`,
          });
        if (row.seq === 1) {
          const named = row.action === CHAIN_START ? row.detail['previousAnchor'] : undefined;
          const expected = startHash(named, anchorByKey, anchorKey);
          if (expected === undefined)
            return fail({
              chainId,
              seq: 1,
              problem: 'start',
              message: `the chain's first link names an anchor that is not kept: ${JSON.stringify(named)}`,
            });
          if (row.prevHash !== expected)
            return fail({
              chainId,
              seq: 1,
              problem: 'prev_hash',
              message: `prev_hash ${row.prevHash} is not the named anchor's hash ${expected}`,
            });
        } else if (row.prevHash !== lastHash)
          return fail({
            chainId,
            seq: row.seq,
            problem: 'prev_hash',
            message: `prev_hash ${row.prevHash} is not seq ${lastSeq}'s hash ${lastHash}`,
          });
        const recomputed = entryHash(row, chainId, row.seq, row.prevHash);
        if (recomputed !== row.hash)
          return fail({
            chainId,
            seq: row.seq,
            problem: 'hash',
            message: `stored hash ${row.hash} differs from the fields' hash ${recomputed}: the row was changed`,
          });
        const anchor = anchorAt.get(row.seq);
        if (anchor !== undefined && anchor.hash !== row.hash)
          return fail({
            chainId,
            seq: row.seq,
            problem: 'anchor',
            message: `the anchor at seq ${row.seq} holds hash ${anchor.hash}, the row ${row.hash}`,
          });
        lastSeq = row.seq;
        lastHash = row.hash;
        entries += 1;
      }
      if (rows.length < PAGE) break;
    }
    const beyond = own.filter((a) => a.seq > lastSeq).sort((a, b) => a.seq - b.seq)[0];
    if (beyond !== undefined)
      return fail({
        chainId,
        seq: lastSeq + 1,
        problem: 'anchor',
        message: `the chain ends at seq ${lastSeq} but is anchored at seq ${beyond.seq}: its tail was deleted`,
      });
  }
  // An anchored chain with no entry left at all.
  const kept = new Set(chains);
  const lost = anchors.find((a) => !kept.has(a.chainId));
  if (lost !== undefined)
    return fail({
      chainId: lost.chainId,
      seq: 1,
      problem: 'anchor',
      message: `the chain is anchored at seq ${lost.seq} but has no entry left: it was deleted`,
    });
  return { ok: true, entries, chains: chains.length };
}

/** The hash a chain's first link must follow: the named anchor's, or GENESIS when it names none. */
function startHash(
  named: unknown,
  anchors: ReadonlyMap<string, Anchor>,
  key: (a: { chainId: string; seq: number }) => string,
): string | undefined {
  if (named === null) return GENESIS;
  if (named === undefined || typeof named !== 'object') return undefined;
  const n = named as { chainId?: unknown; seq?: unknown; hash?: unknown };
  if (typeof n.chainId !== 'string' || typeof n.seq !== 'number') return undefined;
  const anchor = anchors.get(key({ chainId: n.chainId, seq: n.seq }));
  return anchor !== undefined && anchor.hash === n.hash ? anchor.hash : undefined;
}
