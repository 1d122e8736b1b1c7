// The HTTP service: `build()` returns a ready Fastify app; listening is the caller's business, so
// tests inject requests without a port.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Database } from '../db/types.js';
import { SettlementService } from '../settle/service.js';
import { payingPolicy, paymentPoliciesOf } from '../settle/payment-facts.js';
import { paymentRoutes } from './routes/payments.js';
import type { Calculator } from '../settle/types.js';
import { installConsole } from './console-static.js';
import { clientErrorHandler, frameworkErrors, installErrorHandler } from './error-handler.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { institutionRecordRoutes } from './routes/institution-records.js';
import { personRoutes } from './routes/persons.js';
import { policyRoutes } from './routes/policy.js';
import { requirementRoutes } from './routes/requirements.js';
import { settlementRoutes } from './routes/settlements.js';
import { settlementVisitRoutes } from './routes/settlement-visit.js';
import type { PolicyRelease } from '../policy-release/load.js';
import { policyComplianceRoutes } from './routes/policy-compliance.js';
import { ApiErrorBody } from '@yibao/api';
import { personLimitRoutes } from './routes/person-limits.js';
import { diseaseListsOf } from '../registry/disease-lists.js';
import { registryAgreementRoutes } from './routes/registry/agreements.js';
import { registryCareRoutes } from './routes/registry/care.js';
import { designationRoutes } from './routes/registry/designation.js';
import { registryReferralRoutes } from './routes/registry/referrals.js';
import { registrySupervisionRoutes } from './routes/registry/supervision.js';
import { catalogueRoutes } from './routes/catalogue.js';
import { installAccess, type Authenticator } from '../access/install.js';
import { defaultAuthenticators } from '../access/authenticators.js';
import { installSecurity, type SecurityOptions } from './security.js';
import cookie from '@fastify/cookie';
import { accountRoutes } from './routes/access/accounts.js';
import { sessionRoutes } from './routes/access/session.js';
import { supervisionRoutes } from './routes/supervision/index.js';
import { installAudit } from '../access/audit.js';
import { AuditWriter, type AuditWriterOptions } from '../access/audit-writer.js';
import { auditRoutes } from './routes/audit.js';
import { personConsentRoutes } from './routes/person-consents.js';
import { credentialRoutes } from './routes/access/credentials.js';
import { keepRawJsonBody } from './raw-body.js';

export interface BuildOptions {
  db: Database;
  calculate: Calculator;
  /** The policy regions a person may be enrolled in; unchecked when absent. */
  regions?: ReadonlySet<string>;
  /** The policy release loaded at start (book, guidance, requirements): what the console is shown. */
  policy: PolicyRelease;
  /** The console's static build; null or a missing folder serves no console. */
  consoleDir?: string | null;
  /** true for the default logger; an options object (a stream) in tests that read the log. */
  logger?: FastifyServerOptions['logger'];
  /**
   * Serve without credentials (every caller may do everything): `yibao serve --open` on a loopback
   * host, and tests that are not about access. Default false.
   */
  open?: boolean;
  /** Security headers, CORS and rate limits (http/security.ts); the defaults when absent. */
  security?: SecurityOptions;
  /** Replaces the default authenticators (access/authenticators.ts); tests of one scheme use it. */
  authenticators?: readonly Authenticator[];
  /** The audit log's anchoring (access/audit-writer.ts); defaults suit the service. */
  audit?: AuditWriterOptions;
  /**
   * Serve HTTPS and ask every client for a certificate signed by `ca` (mutual TLS, access/mtls.ts):
   * a connection without one is refused during the handshake.
   */
  mutualTls?: { cert: Buffer; key: Buffer; ca: Buffer };
}

export async function build(options: BuildOptions): Promise<FastifyInstance> {
  const tls = options.mutualTls;
  // One instance type for both: the routes do not care which server carries them.
  const app = Fastify({
    ...(tls === undefined
      ? {}
      : { https: { cert: tls.cert, key: tls.key, ca: tls.ca, requestCert: true, rejectUnauthorized: true } }),
    logger: options.logger ?? false,
    // Bodies are validated, never coerced or trimmed: "10" is not an amount and an unknown field
    // is an error the caller should hear about.
    ajv: {
      customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: false },
    },
    // Every error in the contract's shape, the framework's own too (issue 12 §4).
    frameworkErrors,
    clientErrorHandler,
  });
  installErrorHandler(app);
  // Before any route is registered: the table check runs as each route is added (issue 13).
  installAccess(app, {
    open: options.open ?? false,
    authenticators: options.authenticators ?? defaultAuthenticators(options.db),
  });
  await installSecurity(app, options.security);
  // 审计日志 (R-F4): every write and sensitive read is logged before its answer leaves.
  installAudit(app, new AuditWriter(options.db, options.audit));
  // JSON only: a text/plain body is an unsupported media type (415), not a body of the wrong type.
  app.removeContentTypeParser('text/plain');
  // The officers' session cookie (access/officer-session.ts), parsed before the access hook reads it.
  await app.register(cookie);
  // A signature covers the body's bytes as sent (access/institution-signature.ts).
  keepRawJsonBody(app);
  // Shared by $ref from every route's error responses (@yibao/api ErrorResponses).
  app.addSchema(ApiErrorBody);

  await app.register(swagger, {
    // Shared schemas appear under their $id (`Error`), not as def-0.
    refResolver: {
      buildLocalReference: (json, _base, _fragment, i) =>
        typeof json['$id'] === 'string' ? json['$id'] : `def-${i}`,
    },
    openapi: {
      info: {
        title: 'Yibao 医保实时结算服务',
        version: '0.1.0',
        description: '定点医药机构实时结算、撤销、对账；参保人员与机构登记。金额单位：元。',
      },
      tags: [
        { name: 'settlements', description: '结算' },
        { name: 'persons', description: '参保人员' },
        { name: 'institutions', description: '定点医药机构' },
        { name: 'dashboard', description: '管理控制台首页统计' },
        { name: 'policy', description: '政策参数与需求目录' },
        { name: 'registry', description: '定点申请、协议、就医关系、转诊与电子处方（登记与历史）' },
        { name: 'catalogue', description: '医保目录：条目、版本、导入、机构获准项目与药品库存目录' },
        { name: 'public', description: '公开信息（无需登录）' },
        { name: 'session', description: '登录、退出、本人密码与接口令牌' },
        { name: 'accounts', description: '经办人员账户与角色' },
        { name: 'payments', description: '支付方式与结算：支付信息、月度结算、年终清算、审核扣款' },
        {
          name: 'supervision',
          description: '基金监管：规则库、事后批量运行、疑点申诉与复核、豁免、扣款、监测指标',
        },
        { name: 'audit', description: '审计日志（稽核）' },
        { name: 'credentials', description: '机构接口凭证：签发、轮换、吊销' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  // Issue 14: every settlement is written with its payment facts under its region's payment policy.
  const paymentPolicies = paymentPoliciesOf(options.policy.book);
  const service = new SettlementService(options.db, options.calculate, { payment: paymentPolicies });
  app.get('/healthz', { schema: { hide: true } }, (_request, reply) => reply.send({ status: 'ok' }));
  await app.register(
    (api, _options, done) => {
      institutionRecordRoutes(api, options.db);
      personRoutes(api, options.db, options.regions);
      personLimitRoutes(api, options.db, options.policy.book);
      settlementRoutes(api, options.db, service);
      // The console's reads (issue 5): the policy shown is the release loaded at start, as the calculator's.
      settlementVisitRoutes(api, options.db);
      dashboardRoutes(api, options.db);
      policyRoutes(api, options.policy.book);
      requirementRoutes(api, options.policy.requirements);
      policyComplianceRoutes(api, options.policy.book, options.policy.guidance);
      // The registry the agency keeps (issue 4): designation, agreements, care relationships, referrals.
      designationRoutes(api, options.db);
      registryAgreementRoutes(api, options.db);
      registryCareRoutes(api, options.db, diseaseListsOf(options.policy.book));
      registryReferralRoutes(api, options.db);
      registrySupervisionRoutes(api, options.db);
      // 医保目录 (issue 12): a change clears this process's catalogue cache at once (others within a second).
      catalogueRoutes(api, options.db, service.catalogue);
      // 经办人员账户、登录会话与接口令牌 (issue 13).
      sessionRoutes(api, options.db);
      accountRoutes(api, options.db);
      // 支付方式与结算 (issue 14): payment facts, runs, deductions.
      paymentRoutes(api, options.db, payingPolicy(paymentPolicies));
      // 基金监管 (issue 15): the rule library of the release loaded at start, runs, alerts, deductions, indicators.
      supervisionRoutes(api, options.db, options.policy.book);
      // 审计日志与授权 (issue 13 parts 3–4).
      auditRoutes(api, options.db);
      personConsentRoutes(api, options.db);
      // 机构接口凭证 (issue 13).
      credentialRoutes(api, options.db);
      done();
    },
    { prefix: '/api/v1' },
  );
  await installConsole(app, options.consoleDir ?? null);
  return app;
}
