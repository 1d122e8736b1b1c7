// 访问控制: authenticates every request to a guarded route and checks its permission before the
// body is validated or a handler runs. Default deny: a route of /api/v1, /nhsa or /fhir that the
// route table does not name stops the service from starting.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Forbidden, Unauthenticated } from '../domain/errors.js';
import { boundInstitution, permissionsOf, type Identity } from './identity.js';
import { isGuardedUrl, routeAccessOf, type RouteAccess } from './route-table.js';

/**
 * One way of proving who is calling (a signature, a session, a token). `applies` looks only at the
 * request's headers: the first authenticator that applies decides, and a credential that does not
 * verify is a 401 — never a fall-through to another scheme.
 */
export interface Authenticator {
  name: string;
  applies(request: FastifyRequest): boolean;
  /** The verified identity; throws Unauthenticated (or the interface's own refusal) when it does not verify. */
  authenticate(request: FastifyRequest): Promise<Identity>;
}

export interface AccessOptions {
  /**
   * `yibao serve --open` on loopback and tests that are not about access: every caller is the
   * open identity, with every permission. Never on a reachable address (cli/serve.ts refuses it).
   */
  open?: boolean;
  authenticators: readonly Authenticator[];
}

const OPEN: Identity = { kind: 'open' };
const PUBLIC: Identity = { kind: 'anonymous' };

function accessOf(method: string, url: string): RouteAccess | undefined {
  return routeAccessOf(`${method === 'HEAD' ? 'GET' : method} ${url}`);
}

/** The institution a request names where the route's rule says to look; undefined when absent. */
function namedInstitution(request: FastifyRequest, access: RouteAccess): string | undefined {
  const pick = (from: unknown, key: string): string | undefined => {
    if (from === null || typeof from !== 'object') return undefined;
    const value = (from as Record<string, unknown>)[key];
    return typeof value === 'string' ? value : undefined;
  };
  switch (access.own) {
    case 'body.institutionId':
      return pick(request.body, 'institutionId');
    case 'params.id':
      return pick(request.params, 'id');
    case 'query.institutionId':
      return pick(request.query, 'institutionId');
    case 'handler':
    case 'shared':
    case 'self':
    case undefined:
      return undefined;
  }
}

/** Keeps a caller bound to one institution to its own records (route-table.ts OwnRule). */
function checkOwn(request: FastifyRequest, access: RouteAccess, own: string): void {
  if (access.own === undefined)
    throw new Forbidden('not_for_institutions', '机构凭证与机构用户不能调用此接口');
  if (access.own === 'handler' || access.own === 'shared' || access.own === 'self') return;
  const named = namedInstitution(request, access);
  const field = access.own.split('.')[1] ?? 'institutionId';
  if (named === undefined && access.own === 'query.institutionId') {
    // A list without the filter is the caller's own list.
    (request.query as Record<string, unknown>)['institutionId'] = own;
    return;
  }
  if (named !== own)
    throw new Forbidden(
      'other_institution',
      `只能办理本机构 (${own}) 的业务，不能办理 ${named ?? '(未指明机构)'} 的`,
      field,
    );
}

export function installAccess(app: FastifyInstance, options: AccessOptions): void {
  app.decorateRequest('identity', null as never);

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!isGuardedUrl(route.url)) return;
    for (const method of methods) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      if (accessOf(method, route.url) === undefined)
        throw new Error(`access/route-table.ts does not name ${method} ${route.url}: say who may call it`);
    }
  });

  // preValidation: the body is parsed (a signature covers it) but not yet validated, so an
  // anonymous caller learns nothing of the schema, and nothing runs for a refused one.
  app.addHook('preValidation', async (request) => {
    const url = request.routeOptions.url;
    if (url === undefined || !isGuardedUrl(url)) {
      request.identity = PUBLIC;
      return;
    }
    const access = accessOf(request.method, url);
    if (access === undefined) throw new Forbidden('no_route_access', '此接口未开放');
    if (access.permission === 'public') {
      request.identity = PUBLIC;
      return;
    }
    if (options.open === true) {
      request.identity = OPEN;
      return;
    }
    const authenticator = options.authenticators.find((a) => a.applies(request));
    if (authenticator === undefined)
      throw new Unauthenticated('unauthenticated', '需要登录或机构接口签名 (authentication required)');
    const identity = await authenticator.authenticate(request);
    request.identity = identity;
    if (access.permission !== 'authenticated' && !permissionsOf(identity).has(access.permission))
      throw new Forbidden('forbidden', `当前身份无权执行此操作（需要权限 ${access.permission}）`);
    const own = boundInstitution(identity);
    if (own !== null) checkOwn(request, access, own);
  });
}
