// How a catalogue entry's facts read: the class with its ratio, the price by level, the flags.
import { Space, Tag } from 'antd';
import type { CatalogueEntry } from '@yibao/api';
import { label } from '../../format/labels';
import type { Translate } from '../../i18n/LocaleContext';
import type { MessageKey } from '../../i18n/messages.zh';

const yuan = (v: number | null): string => (v === null ? '—' : v.toFixed(2));

export function ratioText(t: Translate, e: Pick<CatalogueEntry, 'class' | 'selfPayRatio'>): string {
  if (e.class !== 'B') return '—';
  return e.selfPayRatio === null
    ? t('catalogue.policyDefault')
    : `${String(Math.round(e.selfPayRatio * 10000) / 100)}%`;
}

export function ClassTag({
  t,
  entry,
}: {
  t: Translate;
  entry: Pick<CatalogueEntry, 'class' | 'selfPayRatio'>;
}) {
  const color = entry.class === 'A' ? 'green' : entry.class === 'B' ? 'blue' : 'default';
  const ratio = entry.class === 'B' ? ` ${ratioText(t, entry)}` : '';
  return <Tag color={color}>{`${label(t, 'itemClass', entry.class)}${ratio}`}</Tag>;
}

export function priceText(t: Translate, p: CatalogueEntry['priceStandard']): string {
  if (p === null) return '—';
  if (p.primary === p.secondary && p.secondary === p.tertiary) return yuan(p.primary);
  return [
    `${t('catalogue.pricePrimary')} ${yuan(p.primary)}`,
    `${t('catalogue.priceSecondary')} ${yuan(p.secondary)}`,
    `${t('catalogue.priceTertiary')} ${yuan(p.tertiary)}`,
  ].join(' / ');
}

export function limitText(v: number | null): string {
  return yuan(v);
}

export function Flags({ t, entry }: { t: Translate; entry: CatalogueEntry }) {
  const flags: [boolean, MessageKey, string][] = [
    [entry.volumeProcurement, 'catalogue.vbp', 'purple'],
    [entry.publicHealth, 'catalogue.publicHealth', 'cyan'],
    [entry.stepDown, 'catalogue.stepDown', 'orange'],
    [entry.fixedSelfPay, 'catalogue.fixedSelfPay', 'gold'],
    [entry.restrictedScope !== null, 'catalogue.restricted', 'red'],
  ];
  return (
    <Space size={2} wrap>
      {flags
        .filter(([on]) => on)
        .map(([, key, color]) => (
          <Tag
            key={key}
            color={color}
            title={key === 'catalogue.restricted' ? (entry.restrictedScope ?? '') : ''}
          >
            {t(key)}
          </Tag>
        ))}
    </Space>
  );
}

export function periodText(t: Translate, e: { validFrom: string; validTo: string | null }): string {
  return `${e.validFrom} ~ ${e.validTo ?? t('catalogue.open')}`;
}

/** A field change's value as words: ratios as percent, prices by level, flags yes/no. */
export function changeValue(t: Translate, field: string, v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (field === 'selfPayRatio' && typeof v === 'number') return `${String(Math.round(v * 10000) / 100)}%`;
  if (field === 'priceStandard' && typeof v === 'object')
    return priceText(t, v as CatalogueEntry['priceStandard']);
  if (field === 'class' && typeof v === 'string') return label(t, 'itemClass', v);
  if (field === 'kind' && typeof v === 'string') return label(t, 'itemKind', v);
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  return typeof v === 'number' ? String(v) : typeof v === 'string' ? v : JSON.stringify(v);
}
