// The case methods a region can name in `case.method` (docs/payments.md § A DRG region): adding
// one is a new CaseMethod here, with its parameters' files under policy/<region>/.
import { DIP_METHOD } from './dip.js';
import type { CaseMethod } from './method.js';

export const CASE_METHODS: Readonly<Record<string, CaseMethod>> = Object.freeze({
  [DIP_METHOD.name]: DIP_METHOD,
});
