// 谁可以调用什么: every route of /api/v1 names the permission it needs, here and only here, so an
// auditor reads who may do what in one table. A route missing from the table does not start
// (access/install.ts): a new endpoint is private until someone decides otherwise.
import type { Permission } from './permissions.js';

/**
 * How a caller bound to one institution (an institution's system, a 机构用户) is kept to its own:
 * - `body.institutionId` / `params.id`: the request names the institution; another's is a 403;
 * - `query.institutionId`: a list filter, filled in with its own when absent, another's a 403;
 * - `handler`: the institution is known only from a stored record; the handler checks
 *   (identity.ts assertOwnInstitution) once it has read it;
 * - `shared`: the data is nobody's (the catalogue, the policy): readable as it is.
 * - `self`: the caller's own account (its session, password, tokens): nobody else's by construction.
 * A route without a rule is closed to a bound caller whatever its permissions.
 */
export type OwnRule =
  'body.institutionId' | 'params.id' | 'query.institutionId' | 'handler' | 'shared' | 'self';

export interface RouteAccess {
  /**
   * `public`: no credential; `authenticated`: any verified identity, for what every signed-in
   * officer does to their own account (whoami, sign-out, own password, own tokens) — the
   * handler then requires an officer (access/officer.ts).
   */
  permission: Permission | 'public' | 'authenticated';
  own?: OwnRule;
}

const pub: RouteAccess = { permission: 'public' };
/** Any signed-in officer, on their own account. */
const signedIn: RouteAccess = { permission: 'authenticated', own: 'self' };
const need = (permission: Permission, own?: OwnRule): RouteAccess =>
  own === undefined ? { permission } : { permission, own };

/** Keyed by `METHOD url` as Fastify registers it (HEAD follows GET). */
export const ROUTE_ACCESS: Readonly<Record<string, RouteAccess>> = {
  // 结算 (SERVICE_CONTRACT.md): institutions settle their own visits.
  'POST /api/v1/settlements': need('settle', 'body.institutionId'),
  'POST /api/v1/settlements/preview': need('settle', 'body.institutionId'),
  'GET /api/v1/settlements': need('settlement.read', 'query.institutionId'),
  'GET /api/v1/settlements/:settlementId': need('settlement.read', 'handler'),
  'POST /api/v1/settlements/:settlementId/reversal': need('settle', 'handler'),
  'GET /api/v1/settlements/:settlementId/visit': need('settlement.read', 'handler'),
  'GET /api/v1/reconciliation': need('settlement.read', 'query.institutionId'),

  // 参保人员 (R-B7: masked by default; the settlement facts only for an institution).
  'POST /api/v1/persons': need('person.write'),
  'GET /api/v1/persons': need('person.read'),
  // R-B7: an institution-bound caller needs the person's 'health' consent (checked in the handler).
  'GET /api/v1/persons/:id': need('person.read', 'handler'),
  'GET /api/v1/persons/:id/accumulators': need('person.settlement-facts', 'shared'),
  'GET /api/v1/persons/:id/limits': need('person.settlement-facts', 'shared'),
  'GET /api/v1/persons/:id/care': need('registry.read'),
  'PUT /api/v1/persons/:id/chosen-institutions': need('registry.write'),
  'POST /api/v1/persons/:id/certifications': need('registry.write'),
  'POST /api/v1/persons/:id/certifications/:certificationId/revoke': need('registry.write'),
  'PUT /api/v1/persons/:id/residence': need('registry.write'),
  'POST /api/v1/persons/:id/relocations': need('registry.write'),
  'POST /api/v1/persons/:id/enrolments': need('registry.write'),
  'POST /api/v1/persons/:id/enrolments/end': need('registry.write'),
  'POST /api/v1/persons/:id/first-contact': need('registry.write'),
  'POST /api/v1/persons/:id/family-doctor-contracts': need('registry.write'),
  'POST /api/v1/persons/:id/family-doctor-contracts/:contractId/end': need('registry.write'),

  // 定点医药机构
  'POST /api/v1/institutions': need('registry.write'),
  'GET /api/v1/institutions': need('registry.read'),
  'GET /api/v1/institutions/:id': need('registry.read', 'params.id'),
  'POST /api/v1/institutions/:id/cancellation': need('registry.write'),
  'PUT /api/v1/institutions/:id/catalogue': need('catalogue.write'),
  'GET /api/v1/institutions/:id/catalogue': need('catalogue.read', 'params.id'),
  'PUT /api/v1/institutions/:id/approved-items': need('catalogue.write'),
  'GET /api/v1/institutions/:id/approved-items': need('catalogue.read', 'params.id'),
  'PUT /api/v1/institutions/:id/stock-list': need('catalogue.write'),
  'GET /api/v1/institutions/:id/stock-list': need('catalogue.read', 'params.id'),
  'POST /api/v1/institutions/:id/complaints': need('registry.write'),
  'GET /api/v1/institutions/:id/complaints': need('registry.read', 'params.id'),
  'POST /api/v1/institutions/:id/agreements': need('registry.write'),
  'GET /api/v1/institutions/:id/agreements': need('registry.read', 'params.id'),
  'POST /api/v1/institutions/:id/satisfaction-surveys': need('registry.write'),

  // 定点申请、协议、考核、投诉
  'POST /api/v1/applications': need('registry.write'),
  'GET /api/v1/applications': need('registry.read'),
  'GET /api/v1/applications/:id': need('registry.read'),
  'POST /api/v1/applications/:id/review': need('designation.review'),
  'POST /api/v1/applications/:id/resubmission': need('registry.write'),
  'POST /api/v1/agreements/renewals': need('registry.write'),
  'GET /api/v1/agreements/:id': need('registry.read'),
  'POST /api/v1/agreements/:id/renew': need('registry.write'),
  'POST /api/v1/agreements/:id/state': need('registry.write'),
  'POST /api/v1/agreements/:id/amendments': need('registry.write'),
  'POST /api/v1/agreements/:id/assessments': need('assessment.write'),
  'GET /api/v1/assessments': need('registry.read'),
  'GET /api/v1/assessments/:id': need('registry.read'),
  'POST /api/v1/assessments/:id/publication': need('assessment.write'),
  'POST /api/v1/complaints/:id/closure': need('supervision.review'),

  // 转诊与电子处方
  'POST /api/v1/referrals': need('registry.write'),
  'GET /api/v1/referrals/:id': need('registry.read'),
  'POST /api/v1/referrals/:id/filing': need('registry.write'),
  'POST /api/v1/e-prescriptions': need('registry.write'),
  'GET /api/v1/e-prescriptions/:id': need('registry.read'),
  'GET /api/v1/history/:entity/:id': need('registry.read'),

  // 医保目录: shared reference data; changes by the catalogue's keepers.
  'POST /api/v1/catalogue': need('catalogue.write'),
  'GET /api/v1/catalogue': need('catalogue.read', 'shared'),
  'GET /api/v1/catalogue/:code': need('catalogue.read', 'shared'),
  'GET /api/v1/catalogue/:code/versions': need('catalogue.read', 'shared'),
  'GET /api/v1/catalogue-versions': need('catalogue.read', 'shared'),
  'GET /api/v1/catalogue-versions/diff': need('catalogue.read', 'shared'),
  'POST /api/v1/catalogue-imports': need('catalogue.write'),
  'POST /api/v1/catalogue-imports/preview': need('catalogue.write'),

  // 政策与统计
  'GET /api/v1/policy/regions': need('policy.read', 'shared'),
  'GET /api/v1/policy/regions/:code': need('policy.read', 'shared'),
  'GET /api/v1/policy/regions/:code/diff': need('policy.read', 'shared'),
  'GET /api/v1/policy/regions/:code/compliance': need('policy.read', 'shared'),
  'GET /api/v1/requirements': need('policy.read', 'shared'),
  'GET /api/v1/dashboard': need('dashboard.read'),

  // 经办人员账户、登录会话与接口令牌 (issue 13 part 2; docs/access.md). Sign-in is public: the
  // lock-out (5 wrong in a row, 15 minutes, counted in the database) is its rate limit.
  'POST /api/v1/session': pub,
  'GET /api/v1/session': signedIn,
  'DELETE /api/v1/session': signedIn,
  'POST /api/v1/session/password': signedIn,
  'POST /api/v1/tokens': signedIn,
  'GET /api/v1/tokens': signedIn,
  'POST /api/v1/tokens/:id/revocation': signedIn,
  'POST /api/v1/accounts': need('accounts.manage'),
  'GET /api/v1/accounts': need('accounts.manage'),
  'GET /api/v1/accounts/:id': need('accounts.manage'),
  'PUT /api/v1/accounts/:id/roles': need('accounts.manage'),
  'POST /api/v1/accounts/:id/disable': need('accounts.manage'),
  'POST /api/v1/accounts/:id/enable': need('accounts.manage'),
  'POST /api/v1/accounts/:id/unlock': need('accounts.manage'),
  'POST /api/v1/accounts/:id/password-reset': need('accounts.manage'),
  // 基金监管 (issue 15, SUPERVISION_CONTRACT.md). The rule library is published policy (institutions
  // must know what is refused and alerted); the batch is an officer's run; an appeal is the
  // institution's own act on its own alert (the handler checks the stored alert's institution);
  // decisions and exemptions are the reviewer's.
  'GET /api/v1/supervision/rules': need('policy.read', 'shared'),
  'POST /api/v1/supervision/runs': need('supervision.run'),
  'GET /api/v1/supervision/runs/:runId': need('supervision.read'),
  'GET /api/v1/supervision/alerts': need('supervision.read', 'query.institutionId'),
  'GET /api/v1/supervision/alerts/:id': need('supervision.read', 'handler'),
  'POST /api/v1/supervision/alerts/:id/appeal': need('supervision.appeal', 'handler'),
  'POST /api/v1/supervision/alerts/:id/review': need('supervision.review'),
  'POST /api/v1/supervision/exemptions': need('supervision.review'),
  'GET /api/v1/supervision/exemptions': need('supervision.read'),
  'GET /api/v1/supervision/deductions': need('supervision.read', 'query.institutionId'),
  'GET /api/v1/supervision/indicators': need('supervision.read', 'query.institutionId'),
  // 审计日志与授权 (issue 13 parts 3–4, R-F4, R-B7)
  'GET /api/v1/audit': need('audit.read'),
  'POST /api/v1/persons/:id/consents': need('registry.write'),
  'GET /api/v1/persons/:id/consents': need('registry.read'),
  'POST /api/v1/persons/:id/consents/:consentId/withdrawal': need('registry.write'),
  // 机构接口凭证 (issue 13): the administrator's; an institution does not issue its own.
  'POST /api/v1/institutions/:id/credentials': need('credentials.manage'),
  'GET /api/v1/institutions/:id/credentials': need('credentials.manage'),
  'POST /api/v1/institutions/:id/credentials/:keyId/revocation': need('credentials.manage'),
  'POST /api/v1/institutions/:id/credentials/:keyId/rotation': need('credentials.manage'),

  // 公开信息 (R-A3, R-A10): the designated list and the disclosures need no credential.
  'GET /api/v1/public/designated-institutions': pub,
  'GET /api/v1/public/assessments': pub,
  'GET /api/v1/public/institutions/:id/disclosure': pub,

  // 支付方式与结算 (issue 14, PAYMENT_CONTRACT.md): runs made by finance, read by whoever reads settlements region-wide; a record's payment facts to whoever
  // may read the settlement (an institution its own, checked by the handler).
  'GET /api/v1/settlements/:settlementId/payment': need('settlement.read', 'handler'),
  'POST /api/v1/payments/monthly-runs': need('payments.run'),
  // 双人复核: released by a finance officer other than the run's maker (payment/release.ts).
  'POST /api/v1/payments/monthly-runs/:id/release': need('payments.release'),
  'GET /api/v1/payments/monthly-runs': need('settlement.read'),
  'GET /api/v1/payments/monthly-runs/:id': need('settlement.read'),
  'POST /api/v1/payments/year-end-runs': need('payments.run'),
  'GET /api/v1/payments/year-end-runs/:id': need('settlement.read'),
  'POST /api/v1/payments/deductions': need('supervision.review'),
  // an institution reads its own months and year-end
  'GET /api/v1/institutions/:id/payments': need('settlement.read', 'params.id'),
};

/** Entries a test adds for a route it registers itself (a scheme tested before its routes exist). */
const testEntries = new Map<string, RouteAccess>();

/** Tests only: names who may call a route the test registers (e.g. a /nhsa route before issue 14's). */
export function allowRouteInTest(key: `${'GET' | 'POST'} /${string}`, access: RouteAccess): void {
  testEntries.set(key, access);
}

/** The route's entry: the table's, else a test's. */
export function routeAccessOf(key: string): RouteAccess | undefined {
  return ROUTE_ACCESS[key] ?? testEntries.get(key);
}

/**
 * Outside /api/v1, /nhsa and /fhir: the console's files, /docs, /healthz — public. The national
 * interface and FHIR carry their own entries as they are added.
 */
export function isGuardedUrl(url: string): boolean {
  return url.startsWith('/api/') || url.startsWith('/nhsa') || url.startsWith('/fhir');
}
