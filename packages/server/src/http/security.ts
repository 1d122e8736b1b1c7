// 安全响应头、跨域与限流 (issue 13 §5), each by the ecosystem's kept plugin rather than our own:
// @fastify/helmet (the security headers browsers act on), @fastify/cors (strict: the console's own
// origin only), @fastify/rate-limit (per credential, 429 with Retry-After).
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Identity } from '../access/identity.js';

export interface SecurityOptions {
  /**
   * Origins other than the console's own that may call the API from a browser (YIBAO_CORS_ORIGINS,
   * comma-separated). Empty by default: the console is served from the same origin and needs none.
   */
  corsOrigins?: readonly string[];
  /** Requests a minute per credential (institution key, officer account) and per address for the anonymous. */
  rateLimits?: Partial<RateLimits>;
}

export interface RateLimits {
  /** An institution's system settles in bursts: a large hospital at peak, several cashiers at once. */
  institution: number;
  /** An officer at a console, or a script with a bearer token. */
  officer: number;
  /** Public pages (the designated list) and sign-in attempts, per address. */
  anonymous: number;
}

const DEFAULT_LIMITS: RateLimits = { institution: 120_000, officer: 3_000, anonymous: 600 };

/** The bucket a request counts against: its credential when it has one, else its address. */
function rateKey(request: FastifyRequest): string {
  const identity = request.identity as Identity | null;
  if (identity?.kind === 'institution') return `key:${identity.keyId}`;
  if (identity?.kind === 'officer') return `account:${identity.accountId}`;
  return `ip:${request.ip}`;
}

function limitOf(request: FastifyRequest, limits: RateLimits): number {
  const identity = request.identity as Identity | null;
  if (identity?.kind === 'institution') return limits.institution;
  if (identity?.kind === 'officer') return limits.officer;
  // `serve --open` stands in for the institutions' systems in development and benchmarks.
  if (identity?.kind === 'open') return limits.institution;
  return limits.anonymous;
}

/** Thrown by the limiter; http/error-handler.ts answers it in the contract's shape. */
export class RateLimited extends Error {
  readonly statusCode = 429;
  readonly code = 'rate_limited';
}

export async function installSecurity(app: FastifyInstance, options: SecurityOptions = {}): Promise<void> {
  await app.register(helmet, {
    // The console is a built bundle served from 'self'; the API docs page (/docs) sets its own
    // policy for its static files (swagger-ui's staticCSP).
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
    // HSTS only matters over https; harmless over plain http (browsers ignore it there).
    hsts: { maxAge: 31_536_000, includeSubDomains: true },
  });
  const origins = options.corsOrigins ?? [];
  await app.register(cors, {
    // false: no CORS headers at all, so a page of another origin cannot read an answer.
    origin: origins.length === 0 ? false : [...origins],
    credentials: origins.length > 0,
  });
  const limits: RateLimits = { ...DEFAULT_LIMITS, ...options.rateLimits };
  await app.register(rateLimit, {
    // After authentication (access/install.ts runs at preValidation), so the bucket is the credential's.
    hook: 'preHandler',
    timeWindow: 60_000,
    keyGenerator: rateKey,
    max: (request) => limitOf(request, limits),
    errorResponseBuilder: (_request, context) =>
      new RateLimited(`请求过于频繁，请 ${Math.ceil(context.ttl / 1000)} 秒后再试 (rate limited)`),
  });
}

/** YIBAO_CORS_ORIGINS and YIBAO_RATE_LIMIT_* as the service's options (read at the edge: cli/serve.ts). */
export function securityOptionsFromEnv(env: NodeJS.ProcessEnv): SecurityOptions {
  const origins = (env['YIBAO_CORS_ORIGINS'] ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  const limit = (name: string): number | undefined => {
    const value = env[name];
    return value !== undefined && /^[1-9][0-9]*$/.test(value) ? Number(value) : undefined;
  };
  const rateLimits: Partial<RateLimits> = {};
  const institution = limit('YIBAO_RATE_LIMIT_INSTITUTION');
  const officer = limit('YIBAO_RATE_LIMIT_OFFICER');
  const anonymous = limit('YIBAO_RATE_LIMIT_ANONYMOUS');
  if (institution !== undefined) rateLimits.institution = institution;
  if (officer !== undefined) rateLimits.officer = officer;
  if (anonymous !== undefined) rateLimits.anonymous = anonymous;
  return { corsOrigins: origins, rateLimits };
}
