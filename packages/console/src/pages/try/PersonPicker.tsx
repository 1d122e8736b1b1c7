// Finds an insured person by name or number as the officer types (the list is paged on the server).
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints';
import type { Person } from '@yibao/api';
import { label } from '../../format/labels';
import { useLocale } from '../../i18n/LocaleContext';

interface Props {
  value?: string;
  onChange?: (id: string | undefined) => void;
  onPerson?: (person: Person | undefined) => void;
}

export function PersonPicker({ value, onChange, onPerson }: Props) {
  const { t } = useLocale();
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<Person[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    // A short pause so a typed name is one request, not one per keystroke.
    const timer = window.setTimeout(() => {
      setLoading(true);
      api
        .persons(
          { q: search.trim() === '' ? value : search.trim(), page: 1, pageSize: 20 },
          controller.signal,
        )
        .then(
          (page) => {
            setOptions(page.items);
          },
          () => {
            setOptions([]);
          },
        )
        .finally(() => {
          setLoading(false);
        });
    }, 250);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [search, value]);

  useEffect(() => {
    onPerson?.(options.find((p) => p.id === value));
  }, [options, value, onPerson]);

  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      value={value}
      loading={loading}
      placeholder={t('try.personPlaceholder')}
      data-testid="try-person"
      onChange={(id: string | undefined) => onChange?.(id)}
      options={options.map((p) => ({
        value: p.id,
        label: `${p.name} ${p.id} · ${label(t, 'scheme', p.scheme)}·${label(t, 'category', p.category)}${p.chronicDiseases.length > 0 ? ` · ${p.chronicDiseases.join(',')}` : ''}`,
      }))}
    />
  );
}
