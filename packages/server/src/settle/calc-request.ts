// Assembles the engine's request: the caller gives the visit and its items; the person's and the
// institution's facts and the accumulators come from the database (never from the caller).
import type { Accumulators, InstitutionType, Level } from '@yibao/engine';
import { fenToYuan } from '@yibao/engine';
import { ACCUMULATOR_COLUMNS } from '../store/records.js';
import type { PersonFacts } from '../store/settlement-reads.js';
import type { PreviewBody } from './types.js';

export function accumulatorsInYuan(fen: Accumulators): Accumulators {
  const yuan = {} as Accumulators;
  for (const [name] of ACCUMULATOR_COLUMNS) yuan[name] = fenToYuan(fen[name]);
  return yuan;
}

export function buildCalcRequest(
  body: PreviewBody,
  person: PersonFacts,
  institution: { type: InstitutionType; level: Level | null },
  accumulatorsFen: Accumulators,
): Record<string, unknown> {
  return {
    region: person.region,
    date: body.date,
    person: {
      scheme: person.scheme,
      category: person.category,
      chronicDiseases: person.chronicDiseases,
      familyDoctorContract: person.familyDoctorContract,
      relocated: person.relocated,
      accountBalance: fenToYuan(person.balanceFen),
      // 事中 (F-02, F-03): the registry's sex and birth date; absent ones are not judged.
      ...(person.sex !== null ? { sex: person.sex } : {}),
      ...(person.birthDate !== null ? { birthDate: person.birthDate } : {}),
    },
    // A pharmacy has no level: the contract wants the field absent then.
    institution:
      institution.level === null
        ? { type: institution.type }
        : { level: institution.level, type: institution.type },
    visit: body.visit,
    items: body.items,
    ytd: accumulatorsInYuan(accumulatorsFen),
  };
}

/** The year whose accumulators a visit on `date` moves (the schema has checked the format). */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
