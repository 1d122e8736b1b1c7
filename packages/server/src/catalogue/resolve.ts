// 目录匹配: the engine's line facts from the agency's catalogue, never from the caller (issue 12 §3).
// Pure: the caller finds the entry in force on the visit date (cache.ts) and the institution's
// level; this decides every fact and records which value was used and where it came from, so the
// trace can say so and the stored request replays exactly.
import type { CalcItem } from '@yibao/engine';
import { priceAtLevel, type PriceSource } from './price.js';
import type { CatalogueEntry, ItemKind, Level } from './types.js';

/** What the caller sends for a line. Only code, name, kind, quantity, unitPrice and consent count. */
export interface CallerLine {
  code: string;
  name?: string;
  kind: ItemKind;
  quantity: number; // as sent (the engine validates it)
  unitPrice: number; // yuan, as sent
  consent?: boolean;
  // Claims that never count; kept only to say in the trace that they were set aside.
  class?: unknown;
  selfPayRatio?: unknown;
  priceStandard?: unknown;
  paymentLimit?: unknown;
  publicHealth?: unknown;
  fixedSelfPay?: unknown;
}

export type FactName =
  'kind' | 'class' | 'selfPayRatio' | 'priceStandard' | 'paymentLimit' | 'publicHealth' | 'fixedSelfPay';

export type FactSource =
  | 'catalogue' // the entry's own value
  | 'derived_step_down' // the level above less 10 % per level (R-C11)
  | 'out_of_catalogue' // 目录外: no entry in force, fully self-paid
  | 'policy_default' // Class B without a ratio of its own: the policy's default
  | 'not_held'; // the entry holds no value for it (no price standard at this level, no limit)

export interface ResolvedFact {
  field: FactName;
  used: string | number | boolean | null; // in the contract's units (yuan, ratio 0–1)
  source: FactSource;
  /** The caller's value when it sent one that differs from what was used (it did not count). */
  claimed?: unknown;
}

export interface Resolution {
  /** The engine's line, exactly CALC_CONTRACT.md's item (yuan, ratio 0–1). */
  item: CalcItem;
  /** The entry used, or null: 目录外. */
  entry: { code: string; validFrom: string; catalogueVersion: string; name: string } | null;
  /** The level whose price standard was used (a pharmacy's is primary). */
  priceLevel: Level;
  facts: ResolvedFact[];
}

const yuan = (fen: number | null): number | null => (fen === null ? null : fen / 100);
const ratio = (scaled: number | null): number | null => (scaled === null ? null : scaled / 10_000);

function differs(claim: unknown, used: unknown): boolean {
  if (claim === undefined) return false;
  // An omitted optional (null / false) claim against the same default is no claim.
  if (claim === null && (used === null || used === false)) return false;
  if (typeof claim === 'object' && claim !== null) return JSON.stringify(claim) !== JSON.stringify(used);
  return claim !== used;
}

function fact(field: FactName, used: ResolvedFact['used'], source: FactSource, claim: unknown): ResolvedFact {
  return differs(claim, used) ? { field, used, source, claimed: claim } : { field, used, source };
}

const priceSource = (s: PriceSource): FactSource =>
  s === 'catalogue' ? 'catalogue' : s === 'derived_step_down' ? 'derived_step_down' : 'not_held';

/**
 * The line as the engine must see it. `entry` is the catalogue entry in force on the visit date
 * (or undefined/null: 目录外, class self, nothing else held); `level` the institution's level, null
 * for a pharmacy (which is priced at primary).
 */
export function resolveLine(
  line: CallerLine,
  entry: CatalogueEntry | null | undefined,
  level: Level | null,
): Resolution {
  const priceLevel: Level = level ?? 'primary';
  const consent = line.consent === true;
  if (entry === null || entry === undefined) {
    const item: CalcItem = {
      code: line.code,
      name: line.name ?? '',
      kind: line.kind,
      class: 'self',
      selfPayRatio: null,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      priceStandard: null,
      paymentLimit: null,
      consent,
      publicHealth: false,
      fixedSelfPay: false,
    };
    return {
      item,
      entry: null,
      priceLevel,
      facts: [
        fact('kind', line.kind, 'out_of_catalogue', undefined),
        fact('class', 'self', 'out_of_catalogue', line.class),
        fact('selfPayRatio', null, 'out_of_catalogue', line.selfPayRatio),
        fact('priceStandard', null, 'out_of_catalogue', line.priceStandard),
        fact('paymentLimit', null, 'out_of_catalogue', line.paymentLimit),
        fact('publicHealth', false, 'out_of_catalogue', line.publicHealth),
        fact('fixedSelfPay', false, 'out_of_catalogue', line.fixedSelfPay),
      ],
    };
  }
  const price = priceAtLevel(entry.priceStandard, entry.stepDown, priceLevel);
  const selfPayRatio = entry.class === 'B' ? ratio(entry.selfPayRatio) : null;
  const item: CalcItem = {
    code: line.code,
    name: line.name !== undefined && line.name !== '' ? line.name : entry.name,
    kind: entry.kind,
    class: entry.class,
    selfPayRatio,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    priceStandard: yuan(price.fen),
    paymentLimit: yuan(entry.paymentLimit),
    consent,
    publicHealth: entry.publicHealth,
    fixedSelfPay: entry.fixedSelfPay,
  };
  return {
    item,
    entry: {
      code: entry.code,
      validFrom: entry.validFrom,
      catalogueVersion: entry.catalogueVersion,
      name: entry.name,
    },
    priceLevel,
    facts: [
      fact('kind', entry.kind, 'catalogue', line.kind),
      fact('class', entry.class, 'catalogue', line.class),
      fact(
        'selfPayRatio',
        selfPayRatio,
        entry.class !== 'B' ? 'not_held' : selfPayRatio === null ? 'policy_default' : 'catalogue',
        line.selfPayRatio,
      ),
      fact('priceStandard', item.priceStandard, priceSource(price.source), line.priceStandard),
      fact(
        'paymentLimit',
        item.paymentLimit,
        entry.paymentLimit === null ? 'not_held' : 'catalogue',
        line.paymentLimit,
      ),
      fact('publicHealth', entry.publicHealth, 'catalogue', line.publicHealth),
      fact('fixedSelfPay', entry.fixedSelfPay, 'catalogue', line.fixedSelfPay),
    ],
  };
}

const SOURCE_ZH: Record<FactSource, string> = {
  catalogue: '医保目录',
  derived_step_down: '医保目录（上一级价格逐级下浮10%）',
  out_of_catalogue: '目录外，全自费',
  policy_default: '政策默认值',
  not_held: '目录未规定',
};

/** One Chinese sentence per set-aside claim, for the trace (an empty list when the caller claimed nothing). */
export function claimNotes(r: Resolution): string[] {
  return r.facts
    .filter((f) => 'claimed' in f)
    .map(
      (f) =>
        `${r.item.code} 的 ${f.field}: 采用${SOURCE_ZH[f.source]}的 ${JSON.stringify(f.used)}，` +
        `调用方所报 ${JSON.stringify(f.claimed)} 不予采信`,
    );
}
