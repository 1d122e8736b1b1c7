// 医保目录: the agency's catalogue — search by code or name with an entry's versions and history,
// what changed between catalogue versions, and the import (preview, then apply).
import { Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useQueryState } from '../hooks/useQueryState';
import { useLocale } from '../i18n/LocaleContext';
import { useSession } from '../session/SessionContext';
import { EntrySearch } from './catalogue/EntrySearch';
import { ImportPanel } from './catalogue/ImportPanel';
import { VersionsDiff } from './catalogue/VersionsDiff';

export default function CataloguePage() {
  const { t } = useLocale();
  const query = useQueryState();
  const today = dayjs().format('YYYY-MM-DD');
  // The import only for a role that may write the catalogue (the service checks again).
  const mayImport = useSession().can('catalogue.write');
  const asked = query.get('tab') ?? 'search';
  const tab = asked === 'import' && !mayImport ? 'search' : asked;
  // A new import makes a new version: the versions tab loads again when opened.
  const [imports, setImports] = useState(0);
  return (
    <div data-testid="page-catalogue">
      <Typography.Title level={3} className="page-title">
        {t('catalogue.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('catalogue.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          query.set({ tab: key === 'search' ? undefined : key });
        }}
        items={[
          { key: 'search', label: t('catalogue.tabSearch'), children: <EntrySearch today={today} /> },
          { key: 'versions', label: t('catalogue.tabVersions'), children: <VersionsDiff key={imports} /> },
          ...(mayImport
            ? [
                {
                  key: 'import',
                  label: t('catalogue.tabImport'),
                  children: (
                    <ImportPanel
                      today={today}
                      onApplied={() => {
                        setImports((n) => n + 1);
                      }}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
