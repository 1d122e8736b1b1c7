// 医疗服务协议 (R-A5, R-A6, R-A9): yearly agreements with indicators and settlement terms,
// supplementary agreements that amend them from a date, and states with reasons and dates.
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../db/types.js';
import { Conflict, Invalid, isDomainError, NotFound, RuleRefused } from '../domain/errors.js';
import {
  agreementIdsOf,
  agreementIdsOfYear,
  findAgreement,
  insertAgreement,
  insertAmendment,
  insertStateChange,
  lockAgreement,
  overlappingAgreement,
  stationAgreementIds,
  type Agreement,
  type AgreementState,
  type Amendment,
  type Indicators,
  type SettlementTerms,
} from '../store/registry/agreements.js';
import { recordVersion, type Change } from './history.js';
import { mustFindInstitution } from './designation.js';

export {
  findAgreement,
  type Agreement,
  type AgreementState,
  type Amendment,
  type Indicators,
  type SettlementTerms,
  type StateChange,
} from '../store/registry/agreements.js';

/** An agreement as in force on one date: amendments applied, the state then. */
export interface AgreementOnDate extends Agreement {
  date: string;
  stateOnDate: AgreementState | 'not_in_term';
  indicatorsOnDate: Indicators;
  termsOnDate: SettlementTerms;
}

/** The agreement as in force on `date`: the state then, the indicators and terms with amendments applied. */
export function onDate(a: Agreement, date: string): AgreementOnDate {
  let state: AgreementState | 'not_in_term' = 'not_in_term';
  if (date >= a.validFrom && date <= a.validTo) {
    for (const s of a.states) if (s.effectiveOn <= date) state = s.state;
  }
  let indicators = { ...a.indicators };
  let terms = { ...a.settlementTerms };
  for (const m of a.amendments) {
    if (m.effectiveOn > date) continue;
    indicators = { ...indicators, ...m.changes.indicators };
    terms = { ...terms, ...m.changes.settlementTerms };
  }
  return { ...a, date, stateOnDate: state, indicatorsOnDate: indicators, termsOnDate: terms };
}

export async function listAgreements(db: Queryable, institutionId: string): Promise<Agreement[]> {
  const out: Agreement[] = [];
  for (const id of await agreementIdsOf(db, institutionId)) {
    const a = await findAgreement(db, id);
    if (a) out.push(a);
  }
  return out;
}

export interface SignInput {
  id?: string;
  year: number;
  validFrom?: string;
  validTo?: string;
  signedOn: string;
  indicators: Indicators;
  settlementTerms: SettlementTerms;
}

/** 签订年度协议 (R-A6): only with a designated institution, one agreement at a time. */
export async function signAgreement(
  db: Database,
  institutionId: string,
  input: SignInput,
  change: Change,
): Promise<Agreement> {
  return db.transaction(async (tx) => {
    const inst = await mustFindInstitution(tx, institutionId, 'institutionId');
    if (inst.designation !== 'designated') {
      throw new RuleRefused(
        'R-A6',
        'not_designated',
        `R-A6: 只与定点机构签订服务协议；${institutionId} 当前为 ${inst.designation}`,
        'institutionId',
      );
    }
    // The term: the calendar year by default, but not from before the designation (an institution
    // designated on 1 March has its first agreement from 1 March). Settlement also refuses any visit
    // before the designation date, whatever term was signed (registry/person-facts.ts).
    const yearStart = `${input.year}-01-01`;
    const designatedOn = inst.designatedOn;
    const validFrom =
      input.validFrom ??
      (designatedOn !== null && designatedOn > yearStart && designatedOn.slice(0, 4) === String(input.year)
        ? designatedOn
        : yearStart);
    const validTo = input.validTo ?? `${input.year}-12-31`;
    if (validFrom > validTo) throw new Invalid('validTo', 'invalid_term', '协议起始日期晚于终止日期');
    const overlap = await overlappingAgreement(tx, institutionId, validFrom, validTo);
    if (overlap !== undefined) {
      throw new Conflict(
        'agreement_overlap',
        `R-A6: ${institutionId} 在 ${validFrom}–${validTo} 已有协议 ${overlap}；请以补充协议变更`,
        'validFrom',
      );
    }
    const id = input.id ?? `AGR-${institutionId}-${input.year}-${randomUUID().slice(0, 4)}`;
    const inserted = await insertAgreement(tx, {
      id,
      institutionId,
      year: input.year,
      validFrom,
      validTo,
      signedOn: input.signedOn,
      indicators: input.indicators,
      settlementTerms: input.settlementTerms,
    });
    if (!inserted) throw new Conflict('already_exists', `协议编号 ${id} 已存在`, 'id');
    return saved(tx, id, change);
  });
}

async function saved(tx: Queryable, id: string, change: Change): Promise<Agreement> {
  const a = await findAgreement(tx, id);
  if (!a) throw new Error('agreement vanished');
  await recordVersion(tx, 'agreement', id, a, change);
  return a;
}

/** The agreement locked for a change, or NotFound. */
async function lockedAgreement(tx: Queryable, id: string): Promise<Agreement> {
  await lockAgreement(tx, id);
  const a = await findAgreement(tx, id);
  if (!a) throw new NotFound('协议', id, 'id');
  return a;
}

const TRANSITIONS: Readonly<Record<AgreementState, readonly AgreementState[]>> = {
  active: ['suspended', 'terminated'],
  suspended: ['active', 'terminated'],
  terminated: [],
};

const STATE_NAMES: Readonly<Record<AgreementState, string>> = {
  active: '履行中',
  suspended: '暂停',
  terminated: '终止',
};

/** 暂停、恢复、终止 (R-A9): each with its reason and the date it takes effect. */
export async function changeAgreementState(
  db: Database,
  id: string,
  input: { state: AgreementState; effectiveOn: string; reason: string },
  change: Change,
): Promise<Agreement> {
  return db.transaction(async (tx) => {
    const a = await lockedAgreement(tx, id);
    const last = a.states[a.states.length - 1];
    if (!last) throw new Error('agreement without state');
    if (!TRANSITIONS[last.state].includes(input.state)) {
      throw new Conflict(
        'invalid_transition',
        `R-A9: 协议当前为「${STATE_NAMES[last.state]}」，不能变为「${STATE_NAMES[input.state]}」`,
        'state',
      );
    }
    if (input.effectiveOn < last.effectiveOn) {
      throw new Invalid(
        'effectiveOn',
        'invalid_date',
        `生效日期不能早于上一次状态变更（${last.effectiveOn}）`,
      );
    }
    await insertStateChange(tx, id, {
      seq: last.seq + 1,
      state: input.state,
      effectiveOn: input.effectiveOn,
      reason: input.reason,
    });
    const after = await saved(tx, id, change);
    await reachStations(tx, a, input, change);
    return after;
  });
}

/** The reason a station's agreement carries when its centre's agreement changed it. */
const followsCentre = (centreAgreementId: string): string => `随中心协议 ${centreAgreementId}：`;

/**
 * R-A4: a centre and its stations are designated together, so they stand or fall together. A
 * suspension or termination of the centre's agreement reaches every agreement of its stations still
 * running on the date (each with its own state change and version, the reason naming the centre's
 * agreement); a resumption lifts only the suspensions that came from the centre, not a station's own.
 */
async function reachStations(
  tx: Queryable,
  centre: Agreement,
  input: { state: AgreementState; effectiveOn: string; reason: string },
  change: Change,
): Promise<void> {
  const marker = followsCentre(centre.id);
  for (const stationAgreementId of await stationAgreementIds(tx, centre.institutionId, input.effectiveOn)) {
    const s = await lockedAgreement(tx, stationAgreementId);
    const last = s.states[s.states.length - 1];
    if (!last || !TRANSITIONS[last.state].includes(input.state)) continue;
    if (input.state === 'active' && !last.reason.startsWith(marker)) continue;
    const effectiveOn = input.effectiveOn < s.validFrom ? s.validFrom : input.effectiveOn;
    if (effectiveOn < last.effectiveOn) continue;
    await insertStateChange(tx, s.id, {
      seq: last.seq + 1,
      state: input.state,
      effectiveOn,
      reason: `${marker}${input.reason}`,
    });
    await saved(tx, s.id, { ...change, reason: `${marker}${change.reason}` });
  }
}

/** 补充协议 (R-A5, R-A6): amends indicators or terms from a date within the term. */
export async function amendAgreement(
  db: Database,
  id: string,
  input: {
    id?: string;
    signedOn: string;
    effectiveOn: string;
    changes: Amendment['changes'];
    reason: string;
  },
  change: Change,
): Promise<Agreement> {
  return db.transaction(async (tx) => {
    const a = await lockedAgreement(tx, id);
    if (input.effectiveOn < a.validFrom || input.effectiveOn > a.validTo) {
      throw new Invalid(
        'effectiveOn',
        'outside_term',
        `补充协议生效日期须在协议期内（${a.validFrom}–${a.validTo}）`,
      );
    }
    if (a.states[a.states.length - 1]?.state === 'terminated') {
      throw new Conflict('terminated', '已终止的协议不能补充', 'id');
    }
    await insertAmendment(tx, id, {
      id: input.id ?? `${id}-S${a.amendments.length + 1}`,
      signedOn: input.signedOn,
      effectiveOn: input.effectiveOn,
      changes: input.changes,
      reason: input.reason,
    });
    return saved(tx, id, change);
  });
}

/**
 * 续签 (R-A6: renewed yearly): next year's agreement from this one — the calendar year after its
 * year, the indicators and settlement terms in force on its last day (amendments folded in), active
 * from 1 January. Not from an agreement terminated or suspended at the end of its term (`409
 * not_active`: resume it first); not when the institution already has an agreement that year (`409
 * agreement_overlap`); only with a designated institution (`422 not_designated`), as any signing.
 */
export async function renewAgreement(
  db: Database,
  id: string,
  input: { id?: string | undefined; signedOn: string },
  change: Change,
): Promise<Agreement> {
  const current = await findAgreement(db, id);
  if (!current) throw new NotFound('协议', id, 'id');
  const atEnd = onDate(current, current.validTo);
  const lastState = current.states[current.states.length - 1]?.state;
  if (atEnd.stateOnDate !== 'active' || lastState !== 'active') {
    throw new Conflict(
      'not_active',
      `R-A6: 协议 ${id} 期末状态为「${STATE_NAMES[lastState ?? 'terminated']}」，不能续签；恢复后再续签或重新签订`,
      'id',
    );
  }
  const year = current.year + 1;
  return signAgreement(
    db,
    current.institutionId,
    {
      ...(input.id === undefined ? {} : { id: input.id }),
      year,
      validFrom: `${year}-01-01`,
      validTo: `${year}-12-31`,
      signedOn: input.signedOn,
      indicators: atEnd.indicatorsOnDate,
      settlementTerms: atEnd.termsOnDate,
    },
    { ...change, reason: `续签：由 ${id} 续签${year}年度协议；${change.reason}` },
  );
}

export interface RenewalsOutcome {
  year: number;
  renewed: { institutionId: string; from: string; agreementId: string }[];
  skipped: { institutionId: string; agreementId: string; code: string; message: string }[];
}

/**
 * 批量续签: every agreement of `year - 1` renewed for `year`, each in its own transaction; one that
 * cannot be renewed (terminated, suspended, already renewed, institution no longer designated) is
 * reported in `skipped` with the refusal and does not stop the others. Running it again renews
 * nothing twice. Also what a seed calls to carry the registry into the next year.
 */
export async function renewAgreements(
  db: Database,
  input: { year: number; signedOn: string },
  change: Change,
): Promise<RenewalsOutcome> {
  const outcome: RenewalsOutcome = { year: input.year, renewed: [], skipped: [] };
  for (const id of await agreementIdsOfYear(db, input.year - 1)) {
    const current = await findAgreement(db, id);
    if (!current) continue;
    try {
      const next = await renewAgreement(db, id, { signedOn: input.signedOn }, change);
      outcome.renewed.push({ institutionId: current.institutionId, from: id, agreementId: next.id });
    } catch (err) {
      if (!isDomainError(err)) throw err;
      outcome.skipped.push({
        institutionId: current.institutionId,
        agreementId: id,
        code: err.code,
        message: err.message,
      });
    }
  }
  return outcome;
}

/**
 * For a seed (demo/registry.ts): renew the agreements year after year up to and including
 * `throughYear` (e.g. the year after today), so the institutions keep settling.
 */
export async function renewAgreementsThrough(
  db: Database,
  fromYear: number,
  throughYear: number,
  signedOn: (year: number) => string,
  change: Change,
): Promise<RenewalsOutcome[]> {
  const out: RenewalsOutcome[] = [];
  for (let year = fromYear; year <= throughYear; year++) {
    out.push(await renewAgreements(db, { year, signedOn: signedOn(year) }, change));
  }
  return out;
}
