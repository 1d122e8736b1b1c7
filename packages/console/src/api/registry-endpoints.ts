// The registry's writes and the reads its forms need (the officers' workplace, issue 13 part 6).
// Every call goes through the client's apiGet/apiPost/apiPut, so whatever the client adds to a
// request (the CSRF header once officers sign in) reaches these too.
import { apiGet, apiPost, apiPut } from './client';
import type {
  Agreement,
  CertificationRevokeBody,
  ChosenInstitutionsBody,
  ContractEndBody,
  EPrescription,
  FirstContactBody,
  RecordVersion,
  Referral,
  AgreementStateBody,
  AmendmentBody,
  ApplicationBody,
  CertificationBody,
  ContractBody,
  DesignationApplication,
  EPrescriptionBody,
  EnrolmentBody,
  ReferralBody,
  RelocationBody,
  RenewAgreementBody,
  ResidenceBody,
  ResubmissionBody,
  ReviewBody,
  SignAgreementBody,
} from '@yibao/api';

const seg = encodeURIComponent;

export const registryApi = {
  // 定点申请与评审
  application: (id: string, signal?: AbortSignal) =>
    apiGet<DesignationApplication>(`/applications/${seg(id)}`, {}, signal),
  submitApplication: (body: ApplicationBody) => apiPost<DesignationApplication>('/applications', body),
  review: (id: string, body: ReviewBody) =>
    apiPost<DesignationApplication>(`/applications/${seg(id)}/review`, body),
  resubmit: (id: string, body: ResubmissionBody) =>
    apiPost<DesignationApplication>(`/applications/${seg(id)}/resubmission`, body),
  history: (entity: string, id: string, signal?: AbortSignal) =>
    apiGet<{ items: RecordVersion[] }>(`/history/${seg(entity)}/${seg(id)}`, {}, signal),

  // 医疗服务协议
  signAgreement: (institutionId: string, body: SignAgreementBody) =>
    apiPost<Agreement>(`/institutions/${seg(institutionId)}/agreements`, body),
  amendAgreement: (id: string, body: AmendmentBody) =>
    apiPost<unknown>(`/agreements/${seg(id)}/amendments`, body),
  changeAgreementState: (id: string, body: AgreementStateBody) =>
    apiPost<unknown>(`/agreements/${seg(id)}/state`, body),
  renewAgreement: (id: string, body: RenewAgreementBody) =>
    apiPost<Agreement>(`/agreements/${seg(id)}/renew`, body),

  // 就医关系
  setResidence: (personId: string, body: ResidenceBody) =>
    apiPut<unknown>(`/persons/${seg(personId)}/residence`, body),
  addEnrolment: (personId: string, body: EnrolmentBody) =>
    apiPost<unknown>(`/persons/${seg(personId)}/enrolments`, body),
  chooseInstitutions: (personId: string, body: ChosenInstitutionsBody) =>
    apiPut<unknown>(`/persons/${seg(personId)}/chosen-institutions`, body),
  chooseFirstContact: (personId: string, body: FirstContactBody) =>
    apiPost<unknown>(`/persons/${seg(personId)}/first-contact`, body),
  signContract: (personId: string, body: ContractBody) =>
    apiPost<unknown>(`/persons/${seg(personId)}/family-doctor-contracts`, body),
  endContract: (personId: string, contractId: string, body: ContractEndBody) =>
    apiPost<unknown>(`/persons/${seg(personId)}/family-doctor-contracts/${seg(contractId)}/end`, body),
  certify: (personId: string, body: CertificationBody) =>
    apiPost<unknown>(`/persons/${seg(personId)}/certifications`, body),
  revokeCertification: (personId: string, certificationId: string, body: CertificationRevokeBody) =>
    apiPost<unknown>(`/persons/${seg(personId)}/certifications/${seg(certificationId)}/revoke`, body),
  fileRelocation: (personId: string, body: RelocationBody) =>
    apiPost<unknown>(`/persons/${seg(personId)}/relocations`, body),

  // 转诊与电子处方
  createReferral: (body: ReferralBody) => apiPost<Referral>('/referrals', body),
  referral: (id: string, signal?: AbortSignal) => apiGet<Referral>(`/referrals/${seg(id)}`, {}, signal),
  fileReferral: (id: string, filedOn: string) =>
    apiPost<Referral>(`/referrals/${seg(id)}/filing`, { filedOn }),
  createEPrescription: (body: EPrescriptionBody) => apiPost<EPrescription>('/e-prescriptions', body),
  ePrescription: (id: string, signal?: AbortSignal) =>
    apiGet<EPrescription>(`/e-prescriptions/${seg(id)}`, {}, signal),
};
