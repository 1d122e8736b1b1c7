// The registry the agency keeps (issue 4) as the console reads it: agreements, designation
// applications, persons' care relationships. Amounts yuan, shares whole percent.

export interface AgreementState {
  seq: number;
  state: string; // active | suspended | terminated
  effectiveOn: string;
  reason: string;
}

export interface Agreement {
  id: string;
  institutionId: string;
  year: number;
  validFrom: string;
  validTo: string;
  signedOn: string;
  indicators: Record<string, number | null>;
  settlementTerms: Record<string, string | number | null>;
  states: AgreementState[];
  amendments: Array<{ id?: string; signedOn?: string; reason?: string }>;
  date: string;
  stateOnDate: string; // active | suspended | terminated | not_in_term
  indicatorsOnDate: Record<string, number | null>;
}

export interface ApplicationCriterion {
  item: string;
  met: boolean;
  evidence: string;
}

export interface DesignationApplication {
  id: string;
  institutionId: string;
  stationIds: string[];
  submittedOn: string;
  criteria: ApplicationCriterion[];
  greenChannel: boolean;
  state: string; // submitted | approved | rejected | returned
  decidedOn: string | null;
  decisionReason: string | null;
  reviewer: string | null;
}

export interface CareRecord {
  personId: string;
  county: string | null;
  date: string;
  insured: boolean;
  enrolments: Array<{ id: string; validFrom: string; validTo: string | null }>;
  chosenInstitutions: { year: number; institutionIds: string[] } | null;
  firstContact: { year: number; institutionId: string; chosenOn: string } | null;
  contracts: Array<{
    id: string;
    communityCentreId: string | null;
    districtHospitalId: string | null;
    cityHospitalId: string | null;
    doctor: string;
    validFrom: string;
    validTo: string;
    endedOn: string | null;
  }>;
  certifications: Array<{
    id: string;
    code: string;
    kind: string;
    validFrom: string;
    validTo: string | null;
    revokedOn: string | null;
  }>;
  relocations: Array<{
    id: string;
    filedOn: string;
    destination: string;
    validFrom: string;
    validTo: string | null;
    cancelsYear: number | null;
  }>;
}
