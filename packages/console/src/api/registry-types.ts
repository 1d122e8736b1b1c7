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

// 协议考核、信用等级、举报投诉与信息公开 (R-A7, R-A8, R-A10). Shares and satisfaction are percent
// with one decimal; amounts yuan; null where the period had nothing to measure.
export type Rating = 'A' | 'B' | 'C' | 'D';

export interface AssessmentMeasured {
  visits: number;
  totalCost: number;
  fundPay: number;
  costPerVisit: number | null;
  drugCostShare: number | null;
  selfPaidDrugShare: number | null;
  inpatientOutOfScopeShare: number | null;
  inpatientPersonalBurdenShare: number | null;
  satisfaction: number | null;
  complaintsSubstantiated: number;
}

export interface AssessmentFinding {
  indicator: string; // drugCostShareMax … totalControlAmount | satisfactionMin | complaints
  name: string; // the service's Chinese name of the indicator
  measured: number | null;
  threshold: number | null;
  met: boolean | null; // null: nothing to measure in the period
  points: number; // deducted
}

export interface Assessment {
  id: string;
  agreementId: string;
  institutionId: string;
  periodFrom: string;
  periodTo: string;
  measured: AssessmentMeasured;
  findings: AssessmentFinding[];
  score: number;
  rating: Rating;
  consequence: string;
  depositReturnPercent: number;
  assessedOn: string;
  published: boolean;
}

export interface Complaint {
  id: string;
  kind: 'report' | 'complaint'; // 举报 | 投诉
  receivedOn: string;
  summary: string;
  state: 'open' | 'substantiated' | 'unfounded';
  resolution: string | null;
  closedOn: string | null;
}

/** What the public sees of an institution for a year; `assessment` is the published one only. */
export interface Disclosure {
  year: number;
  visits: number;
  costPerVisit: number | null;
  fundPay: number;
  satisfaction: number | null;
  complaints: { received: number; substantiated: number };
  assessment: Pick<Assessment, 'periodFrom' | 'periodTo' | 'score' | 'rating' | 'consequence'> | null;
}
