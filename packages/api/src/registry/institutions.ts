// 定点申请: an institution's application for designation, its criteria and the decision.
import { Type, type Static } from 'typebox';
import { Nullable } from '../common.js';

export const ApplicationCriterion = Type.Object({
  item: Type.String(),
  met: Type.Boolean(),
  evidence: Type.String(),
});
export type ApplicationCriterion = Static<typeof ApplicationCriterion>;

export const DesignationApplication = Type.Object({
  id: Type.String(),
  institutionId: Type.String(),
  stationIds: Type.Array(Type.String()),
  submittedOn: Type.String(),
  criteria: Type.Array(ApplicationCriterion),
  greenChannel: Type.Boolean({ description: '绿色通道' }),
  state: Type.String({ description: 'submitted | approved | rejected | returned' }),
  decidedOn: Nullable(Type.String()),
  decisionReason: Nullable(Type.String()),
  reviewer: Nullable(Type.String()),
});
export type DesignationApplication = Static<typeof DesignationApplication>;
