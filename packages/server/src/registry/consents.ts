// 授权 (R-B7): residents' health and insurance data are read only with their informed consent. An
// officer records the signed consent (person, institution, scope, dates); a withdrawal is recorded on
// it. GET /persons/{id} by an institution-bound caller needs a 'health' consent to its institution in
// force today (http/routes/persons.ts); the agency's officers need none.
import { randomUUID } from 'node:crypto';
import type { ConsentBody } from '@yibao/api';
import type { Queryable } from '../db/types.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../domain/errors.js';
import { personExists } from '../store/registry/persons.js';
import { findInstitution } from '../store/institution-records.js';
import {
  consentsOf,
  findConsent,
  hasConsent,
  insertConsent,
  withdrawConsent,
  type ConsentRecord,
} from '../store/registry/consents.js';

export interface ConsentView extends ConsentRecord {
  /** In force on the day asked: inside its dates and not withdrawn. */
  active: boolean;
}

const view = (c: ConsentRecord, day: string): ConsentView => ({
  ...c,
  active: c.withdrawnAt === null && c.validFrom <= day && c.validTo >= day,
});

async function mustBePerson(db: Queryable, personId: string): Promise<void> {
  if (!(await personExists(db, personId))) throw new NotFound('参保人', personId, 'id');
}

export async function recordConsent(
  db: Queryable,
  personId: string,
  body: ConsentBody,
  actor: string,
  day: string,
): Promise<ConsentView> {
  await mustBePerson(db, personId);
  if (body.validTo < body.validFrom) throw new Invalid('validTo', 'invalid_term', '授权终止日期早于起始日期');
  if ((await findInstitution(db, body.institutionId)) === undefined)
    throw new NotFound('定点医药机构', body.institutionId, 'institutionId');
  const stored = await insertConsent(db, {
    id: randomUUID(),
    personId,
    institutionId: body.institutionId,
    scope: body.scope,
    validFrom: body.validFrom,
    validTo: body.validTo,
    reference: body.reference ?? null,
    recordedBy: actor,
  });
  return view(stored, day);
}

export async function listConsents(db: Queryable, personId: string, day: string): Promise<ConsentView[]> {
  await mustBePerson(db, personId);
  return (await consentsOf(db, personId)).map((c) => view(c, day));
}

export async function withdraw(
  db: Queryable,
  personId: string,
  consentId: string,
  reason: string,
  actor: string,
  day: string,
): Promise<ConsentView> {
  const found = await findConsent(db, personId, consentId);
  if (found === undefined) throw new NotFound('授权', consentId, 'consentId');
  const withdrawn = await withdrawConsent(db, personId, consentId, actor, reason);
  if (withdrawn === undefined)
    throw new Conflict(
      'already_withdrawn',
      `授权 ${consentId} 已于 ${found.withdrawnAt ?? ''} 撤回`,
      'consentId',
    );
  return view(withdrawn, day);
}

/** 403 `consent_required` unless the person has a 'health' consent to the institution in force on `day`. */
export async function requireHealthConsent(
  db: Queryable,
  personId: string,
  institutionId: string,
  day: string,
): Promise<void> {
  if (!(await hasConsent(db, personId, institutionId, 'health', day)))
    throw new Forbidden(
      'consent_required',
      `R-B7: 参保人 ${personId} 未授权本机构 (${institutionId}) 查阅其健康信息，或授权已过期、已撤回`,
      'id',
    );
}
