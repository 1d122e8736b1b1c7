// 就医关系: a person's enrolment, chosen institutions, family-doctor contracts, certified
// diseases and relocations, as they stand on a date.
import { Type, type Static } from 'typebox';
import { Nullable } from '../common.js';

const Str = Type.String();

export const CareRecord = Type.Object({
  personId: Str,
  county: Nullable(Str),
  date: Str,
  insured: Type.Boolean({ description: '当日参保' }),
  enrolments: Type.Array(Type.Object({ id: Str, validFrom: Str, validTo: Nullable(Str) })),
  chosenInstitutions: Nullable(Type.Object({ year: Type.Integer(), institutionIds: Type.Array(Str) })),
  firstContact: Nullable(Type.Object({ year: Type.Integer(), institutionId: Str, chosenOn: Str })),
  contracts: Type.Array(
    Type.Object({
      id: Str,
      communityCentreId: Nullable(Str),
      districtHospitalId: Nullable(Str),
      cityHospitalId: Nullable(Str),
      doctor: Str,
      validFrom: Str,
      validTo: Str,
      endedOn: Nullable(Str),
    }),
  ),
  certifications: Type.Array(
    Type.Object({
      id: Str,
      code: Str,
      kind: Str,
      validFrom: Str,
      validTo: Nullable(Str),
      revokedOn: Nullable(Str),
    }),
  ),
  relocations: Type.Array(
    Type.Object({
      id: Str,
      filedOn: Str,
      destination: Str,
      validFrom: Str,
      validTo: Nullable(Str),
      cancelsYear: Nullable(Type.Integer()),
    }),
  ),
});
export type CareRecord = Static<typeof CareRecord>;
