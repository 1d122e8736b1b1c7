// @yibao/api: the HTTP service's wire contract (接口契约). Each export is a TypeBox schema and a
// type of the same name: the server validates with the schema and documents it in OpenAPI, the
// console compiles against the type. Runtime word lists for the browser: '@yibao/api/constants'.
export * from './common.js';
export * from './constants.js';
export * from './dashboard.js';
export * from './institutions.js';
export * from './persons.js';
export * from './policy.js';
export * from './settlements.js';
export * from './registry/index.js';
export * from './catalogue.js';
// 经办人员账户、登录会话与接口令牌 (issue 13).
export * from './access/accounts.js';
// Paying institutions (issue 14).
export * from './payments.js';
export * from './supervision.js';
// issue 13 parts 3–4: the audit log and consents (audit branch)
export * from './access/audit.js';
export * from './consents.js';
export * from './access/index.js';
