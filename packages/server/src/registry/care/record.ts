// 参保人员的就医关系 as one record: everything the registry keeps about a person's care and what
// holds on a date (by the rules of ../person-facts.ts). Each change in this folder locks the person,
// writes its records and saves the whole record as a new `person_care` version.
import type { Queryable } from '../../db/types.js';
import { NotFound } from '../../domain/errors.js';
import {
  careRecords,
  type Certification,
  type ChosenInstitutions,
  type Enrolment,
  type FamilyDoctorContract,
  type FirstContact,
  type RelocationFiling,
} from '../../store/registry/care.js';
import { lockPerson, registered, type Registered } from '../../store/registry/persons.js';
import { recordVersion, type Change } from '../history.js';
import { factsOnDate, insuredOn, type FactsOnDate } from '../person-facts.js';

export type {
  Certification,
  Enrolment,
  FamilyDoctorContract,
  RelocationFiling,
} from '../../store/registry/care.js';

/** Everything the registry keeps about one person's care, and what holds on `date`. */
export interface CareRecord {
  personId: string;
  county: string | null; // 户籍所在县
  date: string;
  insured: boolean;
  enrolments: Enrolment[];
  chosenInstitutions: ChosenInstitutions | null;
  firstContact: FirstContact | null;
  contracts: FamilyDoctorContract[];
  certifications: Certification[];
  relocations: RelocationFiling[];
  onDate: FactsOnDate;
}

/** Disease code lists of the person's region (policy diseases.chronic / diseases.special). */
export type DiseaseLists = (
  region: string,
  date: string,
) => { chronic: readonly string[]; special: readonly string[] } | undefined;

/** What the person was registered with (POST /persons), or NotFound. */
export async function mustBeRegistered(db: Queryable, personId: string): Promise<Registered> {
  const person = await registered(db, personId);
  if (!person) throw new NotFound('参保人', personId, 'personId');
  return person;
}

export async function careRecord(db: Queryable, personId: string, date: string): Promise<CareRecord> {
  const person = await mustBeRegistered(db, personId);
  const records = await careRecords(db, personId, Number(date.slice(0, 4)));
  return {
    personId,
    county: person.county,
    date,
    insured: insuredOn(records.enrolments, date),
    ...records,
    onDate: factsOnDate(person, records, date),
  };
}

/** Locks the person for a change of their care (NotFound when there is no such person). */
export async function lockedPerson(tx: Queryable, personId: string): Promise<void> {
  if (!(await lockPerson(tx, personId))) throw new NotFound('参保人', personId, 'personId');
}

/** The record after a change, saved as the person's new `person_care` version. */
export async function saved(
  tx: Queryable,
  personId: string,
  change: Change,
  date: string,
): Promise<CareRecord> {
  const record = await careRecord(tx, personId, date);
  await recordVersion(tx, 'person_care', personId, record, change);
  return record;
}
