// A few institutions and persons of the demo region, and visit bodies that settle on them.
import type { FastifyInstance } from 'fastify';

export const INSTITUTIONS = [
  { id: 'H001', name: '示范市第一人民医院', type: 'general_hospital', level: 'tertiary', county: '城关区' },
  { id: 'H002', name: '城关区人民医院', type: 'general_hospital', level: 'secondary', county: '城关区' },
  { id: 'C001', name: '东街社区卫生服务中心', type: 'community_centre', level: 'primary', county: '城关区' },
  {
    id: 'C001-1',
    name: '东街社区卫生服务站',
    type: 'community_station',
    level: 'primary',
    county: '城关区',
    parentId: 'C001',
  },
  { id: 'P001', name: '惠民大药房', type: 'pharmacy', county: '城关区' },
] as const;

export const PERSONS = [
  { id: 'R001', name: '张三', scheme: 'resident', category: 'adult', region: 'demo' },
  {
    id: 'R002',
    name: '李四',
    scheme: 'resident',
    category: 'elderly',
    region: 'demo',
    chronicDiseases: ['I10'],
    familyDoctorContract: true,
  },
  {
    id: 'E001',
    name: '王五',
    scheme: 'employee',
    category: 'in_service',
    region: 'demo',
    accountBalance: 3000,
  },
  { id: 'E002', name: '赵六', scheme: 'employee', category: 'in_service', region: 'demo', accountBalance: 0 },
] as const;

export async function registerFixtures(app: FastifyInstance): Promise<void> {
  for (const payload of INSTITUTIONS) {
    const res = await app.inject({ method: 'POST', url: '/api/v1/institutions', payload });
    if (res.statusCode !== 201) throw new Error(`fixture institution ${payload.id}: ${res.body}`);
  }
  for (const payload of PERSONS) {
    const res = await app.inject({ method: 'POST', url: '/api/v1/persons', payload });
    if (res.statusCode !== 201) throw new Error(`fixture person ${payload.id}: ${res.body}`);
  }
}

/** A primary-care visit: a consultation, a Class B drug and a self-paid drug (self-paid lines are kept too). */
export function primaryVisit(requestId: string, personId = 'R001', date = '2026-03-01') {
  return {
    requestId,
    personId,
    institutionId: 'C001',
    date,
    visit: { kind: 'outpatient' },
    items: [
      { code: 'A10', name: '诊查费', kind: 'service', class: 'A', quantity: 1, unitPrice: 10 },
      {
        code: 'B25',
        name: '乙类药品',
        kind: 'drug',
        class: 'B',
        selfPayRatio: 0.1,
        quantity: 2,
        unitPrice: 25,
      },
      {
        code: 'S20',
        name: '自费药品',
        kind: 'drug',
        class: 'self',
        quantity: 1,
        unitPrice: 20,
        consent: true,
      },
    ],
  };
}

/** An employee's secondary-hospital outpatient visit of `amount` yuan, all Class A. */
export function hospitalVisit(requestId: string, personId: string, amount: number, useAccount = false) {
  return {
    requestId,
    personId,
    institutionId: 'H002',
    date: '2026-05-10',
    visit: { kind: 'outpatient', useAccount },
    items: [{ code: 'A1000', name: '检查费', kind: 'service', class: 'A', quantity: 1, unitPrice: amount }],
  };
}
