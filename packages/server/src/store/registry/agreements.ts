// agreements, agreement_state_changes, agreement_amendments (R-A5, R-A6, R-A9).
import type {
  AgreementIndicators,
  AgreementState,
  AgreementStateChange,
  Amendment,
  SettlementTerms,
} from '@yibao/api';
import type { Queryable } from '../../db/types.js';

// The kept shapes are the contract's (@yibao/api), under the names this store speaks of.
export type { AgreementState, Amendment, SettlementTerms } from '@yibao/api';
export type Indicators = AgreementIndicators;
export type StateChange = AgreementStateChange;

export interface Agreement {
  id: string;
  institutionId: string;
  year: number;
  validFrom: string;
  validTo: string;
  signedOn: string;
  indicators: Indicators; // as signed
  settlementTerms: SettlementTerms;
  states: StateChange[];
  amendments: Amendment[];
}

interface AgreementRow {
  id: string;
  institution_id: string;
  year: number;
  valid_from: string;
  valid_to: string;
  signed_on: string;
  indicators: Indicators;
  settlement_terms: SettlementTerms;
}

export async function findAgreement(db: Queryable, id: string): Promise<Agreement | undefined> {
  const rows = await db.query<AgreementRow>(
    `SELECT id, institution_id, year, valid_from::text, valid_to::text, signed_on::text, indicators, settlement_terms
     FROM agreements WHERE id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) return undefined;
  const states = await db.query<{ seq: number; state: AgreementState; effective_on: string; reason: string }>(
    `SELECT seq, state, effective_on::text, reason FROM agreement_state_changes WHERE agreement_id = $1 ORDER BY seq`,
    [id],
  );
  const amendments = await db.query<{
    id: string;
    signed_on: string;
    effective_on: string;
    changes: Amendment['changes'];
    reason: string;
  }>(
    `SELECT id, signed_on::text, effective_on::text, changes, reason FROM agreement_amendments WHERE agreement_id = $1
     ORDER BY effective_on, id`,
    [id],
  );
  return {
    id: r.id,
    institutionId: r.institution_id,
    year: r.year,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    signedOn: r.signed_on,
    indicators: r.indicators,
    settlementTerms: r.settlement_terms,
    states: states.map((s) => ({
      seq: s.seq,
      state: s.state,
      effectiveOn: s.effective_on,
      reason: s.reason,
    })),
    amendments: amendments.map((a) => ({
      id: a.id,
      signedOn: a.signed_on,
      effectiveOn: a.effective_on,
      changes: a.changes,
      reason: a.reason,
    })),
  };
}

export async function agreementIdsOf(db: Queryable, institutionId: string): Promise<string[]> {
  const ids = await db.query<{ id: string }>(
    `SELECT id FROM agreements WHERE institution_id = $1 ORDER BY valid_from`,
    [institutionId],
  );
  return ids.map((r) => r.id);
}

/** Holds the agreement's row until the transaction ends: changes of one agreement queue. */
export async function lockAgreement(tx: Queryable, id: string): Promise<void> {
  await tx.query('SELECT id FROM agreements WHERE id = $1 FOR UPDATE', [id]);
}

/** An agreement of the institution, not terminated, whose term meets `from`–`to`. */
export async function overlappingAgreement(
  db: Queryable,
  institutionId: string,
  from: string,
  to: string,
): Promise<string | undefined> {
  const overlap = await db.query<{ id: string }>(
    `SELECT id FROM agreements WHERE institution_id = $1 AND valid_from <= $3::date AND valid_to >= $2::date
     AND (SELECT c.state FROM agreement_state_changes c WHERE c.agreement_id = agreements.id ORDER BY c.seq DESC LIMIT 1) <> 'terminated'`,
    [institutionId, from, to],
  );
  return overlap[0]?.id;
}

/** The agreement with its first state (active from its start); false when the id is taken. */
export async function insertAgreement(
  tx: Queryable,
  a: Omit<Agreement, 'states' | 'amendments'>,
): Promise<boolean> {
  const inserted = await tx.query(
    `INSERT INTO agreements (id, institution_id, year, valid_from, valid_to, signed_on, indicators, settlement_terms)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      a.id,
      a.institutionId,
      a.year,
      a.validFrom,
      a.validTo,
      a.signedOn,
      JSON.stringify(a.indicators),
      JSON.stringify(a.settlementTerms),
    ],
  );
  if (inserted.length === 0) return false;
  await insertStateChange(tx, a.id, {
    seq: 1,
    state: 'active',
    effectiveOn: a.validFrom,
    reason: '签订协议',
  });
  return true;
}

export async function insertStateChange(tx: Queryable, agreementId: string, s: StateChange): Promise<void> {
  await tx.query(
    `INSERT INTO agreement_state_changes (agreement_id, seq, state, effective_on, reason) VALUES ($1, $2, $3, $4, $5)`,
    [agreementId, s.seq, s.state, s.effectiveOn, s.reason],
  );
}

export async function insertAmendment(tx: Queryable, agreementId: string, m: Amendment): Promise<void> {
  await tx.query(
    `INSERT INTO agreement_amendments (id, agreement_id, signed_on, effective_on, changes, reason) VALUES ($1, $2, $3, $4, $5::jsonb, $6)`,
    [m.id, agreementId, m.signedOn, m.effectiveOn, JSON.stringify(m.changes), m.reason],
  );
}

/**
 * The stations (村卫生室) designated with a centre (R-A4: their `parent_id`), and those agreements of
 * theirs whose term has not ended by `date`: what a change of the centre's agreement reaches.
 */
export async function stationAgreementIds(db: Queryable, centreId: string, date: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT a.id FROM agreements a JOIN institutions s ON s.id = a.institution_id
      WHERE s.parent_id = $1 AND a.valid_to >= $2::date ORDER BY s.id, a.valid_from`,
    [centreId, date],
  );
  return rows.map((r) => r.id);
}

/** The agreements of a year, oldest institution first: what a bulk renewal starts from. */
export async function agreementIdsOfYear(db: Queryable, year: number): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM agreements WHERE year = $1 ORDER BY institution_id, valid_from, id`,
    [year],
  );
  return rows.map((r) => r.id);
}
