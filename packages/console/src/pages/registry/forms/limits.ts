// The service's bounds on what an officer types, so a form refuses before sending what the service
// would refuse (the schemas of @yibao/api, which the console may import as types only). limits.test.ts
// reads the same numbers off the schemas, so the two cannot drift apart.
export const LIMITS = {
  /** `Text`: a reason, a name, a reviewer, a doctor (common.ts). */
  text: 500,
  /** `Id`: any record's identifier. */
  id: 64,
  /** A checklist item's evidence (定点条件的佐证). */
  evidence: 2000,
  /** 补正说明. */
  resubmissionReason: 500,
  /** 年度 (`Year`, an agreement's year). */
  yearMin: 2000,
  yearMax: 2100,
  /** 结算时限（天）. */
  paymentDaysMax: 365,
  /** 结算办法. */
  method: 100,
  /** Shares and rates are whole-number percentages (`Percent`). */
  percentMax: 100,
  /** 选定定点机构: one to four (a centre with one of its stations counts as one). */
  chosenMax: 4,
  /** 电子处方: its prescriber and items. */
  doctor: 100,
  itemName: 200,
  itemsMax: 100,
} as const;

/** ICD-10 code of a certified disease (`Icd10`): I10, E11.9. */
export const ICD10_PATTERN = /^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$/;
