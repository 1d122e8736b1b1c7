// 基金监管 routes (issue 15, SUPERVISION_CONTRACT.md, prefix /api/v1/supervision).
import type { PolicyBook } from '@yibao/engine';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../db/types.js';
import { supervisionAlertRoutes } from './alerts.js';
import { supervisionReadRoutes } from './reads.js';
import { supervisionRuleRoutes } from './rules.js';
import { supervisionRunRoutes } from './runs.js';

export function supervisionRoutes(server: FastifyInstance, db: Database, book: PolicyBook): void {
  supervisionRuleRoutes(server, book);
  supervisionRunRoutes(server, db, book);
  supervisionAlertRoutes(server, db, book);
  supervisionReadRoutes(server, db, book);
}
