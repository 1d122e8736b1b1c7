// The compiled `payment` part of a region's policy (PAYMENT_POLICY.md): dated, cited parameters as
// versions (date ranges over which every value is constant). Units: money in fen, points in
// hundredths, point values in ten-thousandths of a yuan, coefficients in hundredths, rates in whole
// percent. The benefit compiler never reads it.
import type { Citation, Level, Scheme } from '../contract.js';

export type Pool = Scheme; // 统筹区基金: employee | resident
export const FUNDS = ['outpatient', 'inpatient'] as const;
export type Fund = (typeof FUNDS)[number];
export const CARE_TYPES = ['acute', 'rehabilitation', 'hospice', 'chronic_care'] as const;
export type CareType = (typeof CARE_TYPES)[number];
export type BedDayCareType = Exclude<CareType, 'acute'>;
export const PROCEDURE_KINDS = ['surgery', 'therapeutic', 'diagnostic'] as const;
export type ProcedureKind = (typeof PROCEDURE_KINDS)[number];
/** 'item' | 'bed_day' | 'capitation', or a case method's name ('dip'; 'drg' in a DRG region). */
export type PaymentMethod = string;

export type ByPool = Readonly<Record<Pool, number>>;

export interface BedDayStandard {
  perDay: Readonly<Record<Level, number>>; // fen per day
  capDays: number;
}

export interface Phase {
  fromDay: number; // first day of the phase (1, 31, 61)
  percent: number;
}

/** One set of the sharing rule (PAYMENT_POLICY §7): percent values. */
export interface SharingSet {
  minExecution: number; // m
  fullBand: number; // t1
  beyondShare: number; // α
  overrunBand: number; // t2
  fundShare: number; // β
}

export interface ScoreBand {
  minScore: number;
  percent: number;
}

/** The parameters every payment version has (whatever the case method). */
export interface PaymentParameters {
  caseMethod: string; // a key of CASE_METHODS
  holdbackDefaultPercent: number;
  budgetPointValue: ByPool; // ten-thousandths of a yuan per point
  dipBudgetPerPersonYear: ByPool; // fen
  settlementPointValueCapPercent: number;
  tcmCoefficient: number; // hundredths
  capitationHeadRate: number; // fen per contracted resident-year
  contractFeePerPersonYear: number; // fen per signed person-year
  contractFeeHeldPercent: number;
  bedDayStandards: Readonly<Record<BedDayCareType, BedDayStandard>>;
  bedDayPhases: readonly Phase[];
  sharing: Readonly<{ primary: SharingSet; others: SharingSet; capitation: SharingSet }>;
  surplusMinScore: number;
  overrunMinScore: number;
  budgetGrowthPercent: Readonly<Record<Level | 'pharmacy', number>>;
  depositRelease: readonly ScoreBand[]; // highest minScore first
  contractFeeReleaseMinScore: number;
  scoreWithoutAgreement: number;
}

/** A version of the payment policy: the values in force over [from, until). */
export interface PaymentVersion extends PaymentParameters {
  from: string;
  until: string | null;
  version: string; // the region version in force on `from`
  /** The case method's own parameters (e.g. the DIP catalogue), as its reader compiled them. */
  caseSettings: unknown;
  /** parameter name -> the citation of the value in force. */
  citations: ReadonlyMap<string, Citation>;
}

export interface PaymentParameterValue {
  name: string;
  description: string;
  unit: string;
  value: unknown; // as written in the file
  effectiveFrom: string;
  source: Citation;
  file: string;
}

export interface PaymentPolicy {
  region: string;
  versions: readonly PaymentVersion[];
  parameters: readonly PaymentParameterValue[];
}

/** A policy parameter an explanation used: its name, the value as shown, its clause. */
export interface PaymentParam {
  name: string;
  value: string;
  source: Citation;
}

/** One line of a payment explanation (like the benefit trace): R- id, a sentence, the yuan moved. */
export interface PaymentEvent {
  rule: string;
  text: string;
  amount: number | null; // yuan, or null when the line states a unit (points, days), not money
  params?: PaymentParam[];
}
