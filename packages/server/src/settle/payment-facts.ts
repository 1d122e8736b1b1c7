// The payment facts of a settlement as it is written (issue 14; PAYMENT_POLICY.md §1, §3–§5): the
// engine's settlementPaymentFacts over what the settlement already knows — the benefit result, the
// visit's payment fields, the institution and its centre, the resident's contract centre and the
// payment clock read with the context. Null when the person's region pays by no policy (a region
// without payment files, or a date before its first payment version): nothing is stored then.
import {
  parsePaymentVisit,
  paymentVersionOn,
  reversalPaymentFacts,
  settlementPaymentFacts,
  toFen,
  type CalcResult,
  type PaymentFacts,
  type PaymentPolicy,
  type PolicyBook,
} from '@yibao/engine';
import type { InstitutionType } from '@yibao/engine';
import type { SettleContext } from '../store/settlement-reads.js';

/** The regions' payment policies (RegionPolicy.payment), by region code. */
export type PaymentPolicies = ReadonlyMap<string, PaymentPolicy>;

export function paymentPoliciesOf(book: PolicyBook): PaymentPolicies {
  const out = new Map<string, PaymentPolicy>();
  for (const [code, region] of book.regions) if (region.payment) out.set(code, region.payment);
  return out;
}

/**
 * The region whose payment policy the runs use: the one region of the book with a payment part (a
 * service pays for one region; decisions.md). Null when none has one.
 */
export function payingPolicy(policies: PaymentPolicies): PaymentPolicy | null {
  const [first] = policies.values();
  return first ?? null;
}

const CENTRES: ReadonlySet<InstitutionType> = new Set(['community_centre', 'township_centre']);
const MEMBERS: ReadonlySet<InstitutionType> = new Set(['community_station', 'village_clinic']);

/** §5: the centre an institution is part of — itself, or the centre parent of a station or village clinic. */
export function centreOf(
  id: string,
  type: InstitutionType,
  parentId: string | null,
  parentType: InstitutionType | null,
): string | null {
  if (CENTRES.has(type)) return id;
  if (MEMBERS.has(type) && parentId !== null && parentType !== null && CENTRES.has(parentType))
    return parentId;
  return null;
}

/** A referral that counted: the referral gate's exemption (a filed referral from a primary institution). */
function referralCounted(request: Record<string, unknown>): boolean {
  const visit = request['visit'] as Record<string, unknown> | undefined;
  const r = visit?.['referral'] as { filed?: unknown; fromLevel?: unknown } | null | undefined;
  return r !== null && r !== undefined && r.filed === true && r.fromLevel === 'primary';
}

export function settlementFacts(
  policies: PaymentPolicies,
  input: {
    date: string;
    institutionId: string;
    visit: unknown;
    visitKind: string;
    ctx: SettleContext;
    result: CalcResult;
    request: Record<string, unknown>;
  },
): PaymentFacts | null {
  const { ctx, result, date } = input;
  const person = ctx.person;
  const institution = ctx.institution;
  if (person === undefined || institution === undefined) return null;
  const policy = policies.get(person.region);
  if (policy === undefined || paymentVersionOn(policy, date) === null) return null;
  const v = (input.visit ?? {}) as Record<string, unknown>;
  const fields = parsePaymentVisit(v, input.visitKind);
  const instRegion = ctx.facts?.inst_region ?? null;
  return settlementPaymentFacts(
    policy,
    {
      date,
      pool: person.scheme,
      benefitGroup: result.benefitGroup,
      visitKind: input.visitKind as never,
      institution: {
        id: input.institutionId,
        level: institution.level,
        inRegion: instRegion === null || instRegion === person.region,
        centreId: centreOf(
          input.institutionId,
          institution.type,
          ctx.payment.parentId,
          ctx.payment.parentType,
        ),
      },
      careType: fields.careType,
      diagnosis: typeof v['diagnosis'] === 'string' && v['diagnosis'] !== '' ? v['diagnosis'] : null,
      procedures: fields.procedures,
      department: v['department'] === 'tcm' ? 'tcm' : 'general',
      lengthOfStay: fields.lengthOfStay,
      bedDaysBefore: fields.bedDaysBefore,
      totalCost: toFen(result.totalCost),
      institutionBorne: toFen(result.institutionBorne),
      fundPay: toFen(result.fundPay),
      accountPay: toFen(result.accountPay),
      rate: result.rate,
      contractCentreId: person.scheme === 'resident' ? ctx.payment.contractCentreId : null,
      referralCounted: referralCounted(input.request),
    },
    ctx.payment.firstOpenMonth,
  );
}

/** A reversal's facts: its original's units negated, in the first open month if the original's was run. */
export function reversalFacts(
  original: PaymentFacts | null,
  originalDate: string,
  firstOpenMonth: string,
): PaymentFacts | null {
  return original === null ? null : reversalPaymentFacts(original, originalDate, firstOpenMonth);
}
