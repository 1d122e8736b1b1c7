// A line's code on 试算, picked from the agency's catalogue by code or name: picking an entry fills
// the line's name, kind, class and Class B ratio from the catalogue (the service takes them from
// there too); a code typed by hand that is not picked is 目录外 — fully self-paid.
import { AutoComplete, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { CatalogueEntry } from '@yibao/api';
import { api } from '../../api/endpoints';
import { label } from '../../format/labels';
import { useLocale } from '../../i18n/LocaleContext';
import { ratioText } from '../catalogue/format';

export function CatalogueCodeInput({
  value,
  onChange,
  onPick,
  onType,
}: {
  value?: string;
  onChange?: (code: string) => void;
  onPick: (entry: CatalogueEntry) => void;
  onType: () => void;
}) {
  const { t } = useLocale();
  const [entries, setEntries] = useState<CatalogueEntry[]>([]);
  const controller = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(
    () => () => {
      controller.current?.abort();
      clearTimeout(timer.current);
    },
    [],
  );
  const search = (q: string): void => {
    clearTimeout(timer.current);
    if (q.trim() === '') {
      setEntries([]);
      return;
    }
    timer.current = setTimeout(() => {
      controller.current?.abort();
      const c = new AbortController();
      controller.current = c;
      api.catalogue({ q: q.trim(), page: 1, pageSize: 20 }, c.signal).then(
        (page) => {
          if (!c.signal.aborted) setEntries(page.items);
        },
        () => {
          if (!c.signal.aborted) setEntries([]);
        },
      );
    }, 200);
  };
  return (
    <AutoComplete
      value={value}
      style={{ width: 200 }}
      placeholder={t('try.catalogueSearch')}
      popupMatchSelectWidth={420}
      data-testid="try-code"
      showSearch={{ onSearch: search }}
      onChange={(code: string) => {
        onChange?.(code);
      }}
      onSelect={(code: string) => {
        const entry = entries.find((e) => e.code === code);
        if (entry !== undefined) onPick(entry);
      }}
      onInputKeyDown={() => {
        onType();
      }}
      options={entries.map((e) => ({
        value: e.code,
        label: (
          <Space size={4}>
            <code>{e.code}</code>
            <span>{e.name}</span>
            <Typography.Text type="secondary">{label(t, 'itemKind', e.kind)}</Typography.Text>
            <Tag>{`${label(t, 'itemClass', e.class)}${e.class === 'B' ? ` ${ratioText(t, e)}` : ''}`}</Tag>
          </Space>
        ),
      }))}
    />
  );
}
