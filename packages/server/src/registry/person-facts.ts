// 参保人在某日的事实: the one source of what holds for a person (and an institution) on a date, read
// from the registry's records, with the compatibility rules of decision 10 (docs/decisions.md) in
// this one place. Both readers use it: the settlement (store/settlement-reads.ts selects
// `factsColumnsSql` in its one batched statement, registry/facts.ts and settle/registry-gate.ts act
// on the row) and `GET /persons/{id}/care?date=` (`factsOnDate` over the records already read). The
// two forms below say the same thing; person-facts.test.ts holds them to it.
//
// The rules, on the date `d`:
// - 参保 insured (R-B1): a person with no enrolment period is insured (registered through
//   POST /persons, the minimal contract); otherwise only within a period (`validFrom` ≤ d ≤
//   `validTo`, an open end never ends).
// - 慢特病 chronic diseases (R-C10, R-C8): once the person has any certification, the codes of the
//   certifications valid on d and not revoked by d (revoked on d no longer counts), distinct and
//   sorted; before that, the diseases given at POST /persons.
// - 家庭医生签约 contract (R-B4): once the person has any contract, whether one runs on d (within its
//   term, not ended by d); before that, the flag given at POST /persons.
// - 异地安置 relocated (R-B5): once the person has any filing, whether one is valid on d and no
//   filing cancels d's year; before that, the flag given at POST /persons.
// - 协议 agreement (R-A6), the institution's side: an agreement within its term and active on d;
//   an institution registered directly (POST /institutions: designated, no designation date) is
//   under a standing agreement until any agreement is signed with it. One designated through an
//   application settles only under an agreement, and never before its designation date (an
//   agreement whose term began on 1 January does not reach back before it).
// Category, scheme, region and the personal account are the registration's (persons,
// person_accounts): the registry keeps no records of those kinds.
import type {
  Certification,
  Enrolment,
  FamilyDoctorContract,
  RelocationFiling,
} from '../store/registry/care.js';
import { agreementActiveSql } from '../store/registry/agreement-sql.js';
import type { Registered } from '../store/registry/persons.js';

const within = (date: string, from: string, to: string | null): boolean =>
  date >= from && (to === null || date <= to);

export interface FactsOnDate {
  chronicDiseases: string[];
  familyDoctorContract: boolean;
  relocated: boolean;
}

export function insuredOn(enrolments: readonly Enrolment[], date: string): boolean {
  return enrolments.length === 0 || enrolments.some((e) => within(date, e.validFrom, e.validTo));
}

/** The person's diseases, contract and relocation on `date`: the records, or the registration before any. */
export function factsOnDate(
  person: Pick<Registered, 'chronicDiseases' | 'familyDoctorContract' | 'relocated'>,
  records: {
    certifications: readonly Certification[];
    contracts: readonly FamilyDoctorContract[];
    relocations: readonly RelocationFiling[];
  },
  date: string,
): FactsOnDate {
  const year = Number(date.slice(0, 4));
  const { certifications, contracts, relocations } = records;
  return {
    chronicDiseases:
      certifications.length === 0
        ? person.chronicDiseases
        : [
            ...new Set(
              certifications
                .filter(
                  (c) => within(date, c.validFrom, c.validTo) && (c.revokedOn === null || date < c.revokedOn),
                )
                .map((c) => c.code),
            ),
          ].sort(),
    familyDoctorContract:
      contracts.length === 0
        ? person.familyDoctorContract
        : contracts.some(
            (c) => within(date, c.validFrom, c.validTo) && (c.endedOn === null || date < c.endedOn),
          ),
    relocated:
      relocations.length === 0
        ? person.relocated
        : relocations.some((r) => within(date, r.validFrom, r.validTo)) &&
          !relocations.some((r) => r.cancelsYear === year),
  };
}

/**
 * The same rules as SQL columns for one visit: persons `p` and institutions `i` joined to the visit,
 * `day` its date (SQL expressions), selected beside the settlement's own context. The bare
 * `EXISTS … OFFSET 0` keeps each existence check an index probe per visit: without the OFFSET the
 * planner may hash a whole table (every certification, every contract) for each batch, a cost that
 * grows with the population rather than with the batch (measured: 4 ms → 0.5 ms per 36 visits at
 * 20,000 persons).
 */
export function factsColumnsSql(day: string): string {
  return `(NOT EXISTS (SELECT 1 FROM enrolments e WHERE e.person_id = p.id OFFSET 0)
   OR EXISTS (SELECT 1 FROM enrolments e WHERE e.person_id = p.id AND ${day} >= e.valid_from
              AND (e.valid_to IS NULL OR ${day} <= e.valid_to))) AS insured,
  ((i.designated_on IS NULL OR ${day} >= i.designated_on) AND (${agreementActiveSql('i.id', day)}
   OR (i.designation = 'designated' AND i.designated_on IS NULL
       AND NOT EXISTS (SELECT 1 FROM agreements a WHERE a.institution_id = i.id OFFSET 0)))) AS agreement_active,
  CASE WHEN EXISTS (SELECT 1 FROM disease_certifications c WHERE c.person_id = p.id OFFSET 0)
    THEN ARRAY (SELECT DISTINCT c.code FROM disease_certifications c WHERE c.person_id = p.id AND ${day} >= c.valid_from
                AND (c.valid_to IS NULL OR ${day} <= c.valid_to) AND (c.revoked_on IS NULL OR ${day} < c.revoked_on)
                ORDER BY c.code)
    ELSE p.chronic_diseases END AS diseases,
  CASE WHEN EXISTS (SELECT 1 FROM family_doctor_contracts f WHERE f.person_id = p.id OFFSET 0)
    THEN EXISTS (SELECT 1 FROM family_doctor_contracts f WHERE f.person_id = p.id AND ${day} BETWEEN f.valid_from AND f.valid_to
                 AND (f.ended_on IS NULL OR ${day} < f.ended_on))
    ELSE p.family_doctor_contract END AS contract,
  CASE WHEN EXISTS (SELECT 1 FROM relocation_filings r WHERE r.person_id = p.id OFFSET 0)
    THEN (EXISTS (SELECT 1 FROM relocation_filings r WHERE r.person_id = p.id AND ${day} >= r.valid_from
                  AND (r.valid_to IS NULL OR ${day} <= r.valid_to))
          AND NOT EXISTS (SELECT 1 FROM relocation_filings r WHERE r.person_id = p.id
                  AND r.cancels_year = extract(year FROM ${day})::integer))
    ELSE p.relocated END AS relocated,
  p.region AS person_region, p.county AS person_county, i.county AS inst_county, i.region AS inst_region, i.level AS inst_level`;
}

/** One visit's row of `factsColumnsSql`. */
export type FactsRow = {
  insured: boolean;
  agreement_active: boolean;
  diseases: string[];
  contract: boolean;
  relocated: boolean;
  person_region: string;
  person_county: string | null;
  inst_county: string;
  inst_region: string | null;
  inst_level: string | null;
};
