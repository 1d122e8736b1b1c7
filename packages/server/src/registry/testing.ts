// Test support for the registry: a checklist with every criterion met, and small request helpers.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { CRITERIA } from './criteria.js';

export const allCriteriaMet = (): { item: string; met: boolean; evidence: string }[] =>
  CRITERIA.map((item) => ({ item, met: true, evidence: `${item} 已核查` }));

export interface Client {
  post(url: string, payload: object, actor?: string): Promise<LightMyRequestResponse>;
  put(url: string, payload: object): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
}

export function client(app: FastifyInstance): Client {
  return {
    post: (url, payload, actor) =>
      app.inject({
        method: 'POST',
        url: `/api/v1${url}`,
        payload,
        headers: actor ? { 'x-yibao-actor': actor } : {},
      }),
    put: (url, payload) => app.inject({ method: 'PUT', url: `/api/v1${url}`, payload }),
    get: (url) => app.inject({ method: 'GET', url: `/api/v1${url}` }),
  };
}

export const terms = { method: 'monthly', paymentDays: 30 };
export const indicators = { drugCostShareMax: 40, selfPaidDrugShareMax: 10, totalControlAmount: 5_000_000 };
