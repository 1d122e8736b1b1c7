// 参保人员的就医关系 (R-B1–R-B5, R-C8, R-C10), one file per sub-resource: enrolment periods, chosen
// designated institutions, the first-contact institution, family-doctor contracts, disease
// certifications, relocation filings, and the home county.
export { addEnrolment, endEnrolment } from './enrolments.js';
export { certifyDisease, revokeCertification } from './certifications.js';
export { chooseFirstContact } from './first-contact.js';
export { chooseInstitutions } from './chosen-institutions.js';
export { endContract, signContract, type ContractInput } from './contracts.js';
export { fileRelocation } from './relocations.js';
export {
  careRecord,
  type CareRecord,
  type Certification,
  type DiseaseLists,
  type Enrolment,
  type FamilyDoctorContract,
  type RelocationFiling,
} from './record.js';
export { setResidence } from './residence.js';
