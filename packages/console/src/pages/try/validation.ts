// Checks made before a visit is sent, in the contract's terms (CALC_CONTRACT.md): the service would
// refuse these too, but an officer should hear about them beside the field, at once.

/** At most `places` decimals, finite and not negative. */
export function hasAtMostDecimals(value: number, places: number): boolean {
  if (!Number.isFinite(value) || value < 0) return false;
  const scaled = value * 10 ** places;
  return Math.abs(scaled - Math.round(scaled)) < 1e-7;
}

export const ICD10 = /^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$/;

export const needsDiagnosis = (kind: string | undefined): boolean =>
  kind === 'chronic_outpatient' || kind === 'special_outpatient';

/** An Ant Design form rule's answer: refused with the message, or accepted. */
export function refuse(bad: boolean, message: string): Promise<void> {
  return bad ? Promise.reject(new Error(message)) : Promise.resolve();
}
