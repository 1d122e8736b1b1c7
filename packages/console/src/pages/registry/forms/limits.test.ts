// The console's form bounds are the service's: each number read off the @yibao/api schema it copies.
import {
  AgreementIndicators,
  ApplicationBody,
  ChosenInstitutionsBody,
  EPrescriptionBody,
  Icd10,
  Id,
  ResubmissionBody,
  SettlementTerms,
  SignAgreementBody,
  Text,
} from '@yibao/api';
import { describe, expect, it } from 'vitest';
import { ICD10_PATTERN, LIMITS } from './limits';

/** A keyword of a schema (its JSON Schema form: what the service's validator reads). */
const kw = (schema: unknown, keyword: string): unknown => (schema as Record<string, unknown>)[keyword];

describe("the workplace forms' limits", () => {
  it('are the schemas’ limits', () => {
    expect(LIMITS.text).toBe(kw(Text, 'maxLength'));
    expect(LIMITS.id).toBe(kw(Id, 'maxLength'));
    expect(LIMITS.evidence).toBe(
      kw(ApplicationBody.properties.criteria.items.properties.evidence, 'maxLength'),
    );
    expect(LIMITS.resubmissionReason).toBe(kw(ResubmissionBody.properties.reason, 'maxLength'));
    expect(LIMITS.yearMin).toBe(kw(SignAgreementBody.properties.year, 'minimum'));
    expect(LIMITS.yearMax).toBe(kw(SignAgreementBody.properties.year, 'maximum'));
    expect(LIMITS.paymentDaysMax).toBe(kw(SettlementTerms.properties.paymentDays, 'maximum'));
    expect(LIMITS.method).toBe(kw(SettlementTerms.properties.method, 'maxLength'));
    expect(LIMITS.percentMax).toBe(kw(AgreementIndicators.properties.drugCostShareMax, 'maximum'));
    expect(LIMITS.chosenMax).toBe(kw(ChosenInstitutionsBody.properties.institutionIds, 'maxItems'));
    expect(LIMITS.doctor).toBe(kw(EPrescriptionBody.properties.doctor, 'maxLength'));
    expect(LIMITS.itemName).toBe(kw(EPrescriptionBody.properties.items.items.properties.name, 'maxLength'));
    expect(LIMITS.itemsMax).toBe(kw(EPrescriptionBody.properties.items, 'maxItems'));
    expect(ICD10_PATTERN.source).toBe(kw(Icd10, 'pattern'));
  });
});
