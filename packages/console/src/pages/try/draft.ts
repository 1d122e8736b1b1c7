// The visit typed on 试算, as form values and as the preview request; the draft is kept in the URL
// (?draft=…) once previewed, so the link reproduces the same answer for a colleague.
import type { ItemClass, WireItem, ItemKind, PreviewRequest, VisitKind } from '@yibao/api';

export interface DraftItem {
  code: string;
  name: string;
  kind: ItemKind; // 药品 | 诊疗项目 | 医用耗材
  class: ItemClass; // 甲类 | 乙类 | 丙类/自费
  quantity: number;
  unitPrice: number;
  selfPayRatio?: number | null;
  consent?: boolean;
  /** Picked from the catalogue (class and ratio are its); false: typed by hand, 目录外. */
  fromCatalogue?: boolean;
}

export interface VisitDraft {
  personId?: string;
  institutionId?: string;
  date?: string;
  kind: VisitKind;
  department: string;
  diagnosis?: string;
  scope: string;
  referral: boolean;
  referralFromLevel?: string;
  referralDirection?: string;
  useAccount: boolean;
  items: DraftItem[];
}

/** Entries of the demo catalogue (demo/catalogue-entries.ts), as if picked there. */
export const SAMPLE_ITEMS: DraftItem[] = [
  {
    code: '110200001',
    name: '普通门诊诊查费',
    kind: 'service',
    class: 'A',
    quantity: 1,
    unitPrice: 10,
    fromCatalogue: true,
  },
  {
    code: 'XC10AAA158B',
    name: '阿托伐他汀钙片',
    kind: 'drug',
    class: 'B',
    quantity: 2,
    unitPrice: 25,
    selfPayRatio: 0.1,
    fromCatalogue: true,
  },
  {
    code: 'ZS0001',
    name: '维生素保健品',
    kind: 'drug',
    class: 'self',
    quantity: 1,
    unitPrice: 20,
    consent: true,
    fromCatalogue: true,
  },
];

export function emptyDraft(today: string): VisitDraft {
  return {
    date: today,
    kind: 'outpatient',
    department: 'general',
    scope: 'in_county',
    referral: false,
    useAccount: false,
    items: SAMPLE_ITEMS,
  };
}

export function parseDraft(raw: string | undefined): Partial<VisitDraft> | undefined {
  if (raw === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

export function toPreviewRequest(d: VisitDraft): PreviewRequest {
  const items: WireItem[] = d.items.map((i) => ({
    code: i.code.trim(),
    name: i.name.trim(),
    kind: i.kind,
    class: i.class,
    quantity: i.quantity,
    unitPrice: i.unitPrice,
    ...(i.class === 'B' && typeof i.selfPayRatio === 'number' ? { selfPayRatio: i.selfPayRatio } : {}),
    ...(i.class === 'self' ? { consent: i.consent === true } : {}),
  }));
  const diagnosis = d.diagnosis?.trim().toUpperCase();
  return {
    personId: d.personId ?? '',
    institutionId: d.institutionId ?? '',
    date: d.date ?? '',
    visit: {
      kind: d.kind,
      department: d.department,
      scope: d.scope,
      ...(diagnosis === undefined || diagnosis === '' ? {} : { diagnosis }),
      referral:
        d.referral && d.referralFromLevel !== undefined && d.referralDirection !== undefined
          ? { fromLevel: d.referralFromLevel, direction: d.referralDirection, filed: true }
          : null,
      useAccount: d.useAccount,
    },
    items,
  };
}
