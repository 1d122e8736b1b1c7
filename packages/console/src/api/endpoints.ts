// Typed calls of the service's API, one per endpoint the console reads.
import { apiGet, apiPost, apiUpload, ApiRequestError } from './client';
import type {
  ConsentList,
  CalcResult,
  ComplianceReport,
  Dashboard,
  Institution,
  Page,
  Person,
  PolicyDiff,
  PolicyRegion,
  PolicyRegionDetail,
  PreviewRequest,
  Reconciliation,
  RequirementsCatalogue,
  Settlement,
  SettlementSummary,
  SettlementVisit,
  PersonLimits,
  Agreement,
  Assessment,
  CareRecord,
  Complaint,
  DesignationApplication,
  Disclosure,
  InstitutionQuery as InstitutionListQuery,
  PersonQuery as PersonListQuery,
  SettlementQuery as SettlementListQuery,
  CatalogueDiff,
  CatalogueEntry,
  CatalogueEntryVersions,
  CatalogueImportPreview,
  CatalogueImportQuery,
  CatalogueImportResult,
  CatalogueSearchQuery,
  CatalogueVersionList,
} from '@yibao/api';

/** A list call's filters as the console passes them: the contract's query, paged by numbers. */
type Paged<Q> = Omit<Q, 'page' | 'pageSize'> & { page: number; pageSize: number };
export type SettlementQuery = Paged<SettlementListQuery>;
export type InstitutionQuery = Paged<InstitutionListQuery>;
export type PersonQuery = Paged<PersonListQuery>;
export type CatalogueQuery = Paged<CatalogueSearchQuery>;
export type ImportOptions = Omit<CatalogueImportQuery, 'fileName'>;

/** A refused import (400) carries the preview naming every rejected line. */
export function refusedPreview(err: unknown): CatalogueImportPreview | undefined {
  if (!(err instanceof ApiRequestError) || typeof err.body !== 'object' || err.body === null)
    return undefined;
  return 'preview' in err.body ? (err.body.preview as CatalogueImportPreview) : undefined;
}

const seg = encodeURIComponent;

export const api = {
  dashboard: (q: { from: string; to: string; county?: string | undefined }, signal?: AbortSignal) =>
    apiGet<Dashboard>('/dashboard', { from: q.from, to: q.to, county: q.county }, signal),
  settlements: (q: SettlementQuery, signal?: AbortSignal) =>
    apiGet<Page<SettlementSummary>>('/settlements', { ...q }, signal),
  settlement: (id: string, signal?: AbortSignal) => apiGet<Settlement>(`/settlements/${seg(id)}`, {}, signal),
  settlementVisit: (id: string, signal?: AbortSignal) =>
    apiGet<SettlementVisit>(`/settlements/${seg(id)}/visit`, {}, signal),
  preview: (body: PreviewRequest, signal?: AbortSignal) =>
    apiPost<CalcResult>('/settlements/preview', body, signal),
  institutions: (q: InstitutionQuery, signal?: AbortSignal) =>
    apiGet<Page<Institution>>('/institutions', { ...q }, signal),
  institution: (id: string, signal?: AbortSignal) =>
    apiGet<Institution>(`/institutions/${seg(id)}`, {}, signal),
  reconciliation: (institutionId: string, date: string, signal?: AbortSignal) =>
    apiGet<Reconciliation>('/reconciliation', { institutionId, date }, signal),
  persons: (q: PersonQuery, signal?: AbortSignal) => apiGet<Page<Person>>('/persons', { ...q }, signal),
  person: (id: string, signal?: AbortSignal) => apiGet<Person>(`/persons/${seg(id)}`, {}, signal),
  /** The full view (R-B7): person.reveal and a reason; the service writes it to the audit log. */
  personRevealed: (id: string, reason: string, signal?: AbortSignal) =>
    apiGet<Person>(`/persons/${seg(id)}`, { reveal: 'true', reason }, signal),
  consents: (personId: string, signal?: AbortSignal) =>
    apiGet<ConsentList>(`/persons/${seg(personId)}/consents`, {}, signal),
  /** The year's limits in force for the person (R-D4 raised cap included), as the server rules. */
  personLimits: (id: string, year: number, signal?: AbortSignal) =>
    apiGet<PersonLimits>(`/persons/${seg(id)}/limits`, { year }, signal),
  policyRegions: (signal?: AbortSignal) => apiGet<PolicyRegion[]>('/policy/regions', {}, signal),
  policyRegion: (code: string, version: string | undefined, signal?: AbortSignal) =>
    apiGet<PolicyRegionDetail>(`/policy/regions/${seg(code)}`, { version }, signal),
  policyDiff: (code: string, from: string, to: string, signal?: AbortSignal) =>
    apiGet<PolicyDiff>(`/policy/regions/${seg(code)}/diff`, { from, to }, signal),
  policyCompliance: (code: string, signal?: AbortSignal) =>
    apiGet<ComplianceReport>(`/policy/regions/${seg(code)}/compliance`, {}, signal),
  requirements: (signal?: AbortSignal) => apiGet<RequirementsCatalogue>('/requirements', {}, signal),
  agreements: (institutionId: string, signal?: AbortSignal) =>
    apiGet<{ items: Agreement[] }>(`/institutions/${seg(institutionId)}/agreements`, {}, signal),
  applications: (state: string | undefined, signal?: AbortSignal) =>
    apiGet<{ items: DesignationApplication[] }>('/applications', { state }, signal),
  care: (personId: string, signal?: AbortSignal) =>
    apiGet<CareRecord>(`/persons/${seg(personId)}/care`, {}, signal),
  assessments: (institutionId: string, signal?: AbortSignal) =>
    apiGet<{ items: Assessment[] }>('/assessments', { institutionId }, signal),
  complaints: (institutionId: string, signal?: AbortSignal) =>
    apiGet<{ items: Complaint[] }>(`/institutions/${seg(institutionId)}/complaints`, {}, signal),
  /** 医保目录: entries in force on a date whose code or name holds q. */
  catalogue: (q: CatalogueQuery, signal?: AbortSignal) =>
    apiGet<Page<CatalogueEntry>>('/catalogue', { ...q }, signal),
  catalogueEntry: (code: string, date: string | undefined, signal?: AbortSignal) =>
    apiGet<CatalogueEntry>(`/catalogue/${seg(code)}`, { date }, signal),
  catalogueEntryVersions: (code: string, signal?: AbortSignal) =>
    apiGet<CatalogueEntryVersions>(`/catalogue/${seg(code)}/versions`, {}, signal),
  catalogueVersions: (signal?: AbortSignal) =>
    apiGet<CatalogueVersionList>('/catalogue-versions', {}, signal),
  catalogueDiff: (from: string, to: string, signal?: AbortSignal) =>
    apiGet<CatalogueDiff>('/catalogue-versions/diff', { from, to }, signal),
  catalogueImportPreview: (file: File, options: ImportOptions, signal?: AbortSignal) =>
    apiUpload<CatalogueImportPreview>(
      '/catalogue-imports/preview',
      file,
      { ...options, fileName: file.name },
      signal,
    ),
  catalogueImport: (file: File, options: ImportOptions, signal?: AbortSignal) =>
    apiUpload<CatalogueImportResult>('/catalogue-imports', file, { ...options, fileName: file.name }, signal),
  disclosure: (institutionId: string, year: number, signal?: AbortSignal) =>
    apiGet<Disclosure>(`/public/institutions/${seg(institutionId)}/disclosure`, { year }, signal),
};
