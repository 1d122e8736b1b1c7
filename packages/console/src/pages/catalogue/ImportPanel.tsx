// 导入目录: choose a file, preview what it would change (added, changed, ended, rejected lines with
// their line numbers and reasons), then import it — only a file with no rejected line, in one
// transaction on the service.
import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Checkbox,
  DatePicker,
  Descriptions,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { CatalogueImportPreview } from '@yibao/api';
import { api, refusedPreview } from '../../api/endpoints';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n/LocaleContext';
import { changeValue } from './format';

interface Line {
  key: string;
  line: number | null;
  outcome: 'rejected' | 'added' | 'changed' | 'ended' | 'skipped';
  code: string;
  text: string;
}

const COLOR = {
  rejected: 'red',
  added: 'green',
  changed: 'volcano',
  ended: 'magenta',
  skipped: 'default',
} as const;

export function ImportPanel({ today, onApplied }: { today: string; onApplied: () => void }) {
  const { t } = useLocale();
  const [file, setFile] = useState<File | undefined>();
  const [effectiveFrom, setEffectiveFrom] = useState(today);
  const [endMissing, setEndMissing] = useState(false);
  const [preview, setPreview] = useState<CatalogueImportPreview | undefined>();
  const [applied, setApplied] = useState<string | undefined>();
  const [error, setError] = useState<Error | undefined>();
  const [busy, setBusy] = useState(false);
  const options = { effectiveFrom, endMissing: endMissing ? ('true' as const) : ('false' as const) };

  const run = async (apply: boolean): Promise<void> => {
    if (file === undefined) return;
    setBusy(true);
    setError(undefined);
    try {
      if (apply) {
        const result = await api.catalogueImport(file, options);
        setPreview(result.preview);
        setApplied(result.version.id);
        onApplied();
      } else {
        setApplied(undefined);
        setPreview(await api.catalogueImportPreview(file, options));
      }
    } catch (err) {
      const refused = refusedPreview(err);
      if (refused !== undefined) setPreview(refused);
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  };

  const lines: Line[] =
    preview === undefined
      ? []
      : [
          ...preview.rejected.map((r) => ({
            key: `r${String(r.line)}${r.code}`,
            line: r.line,
            outcome: 'rejected' as const,
            code: r.code,
            text: `${r.field}: ${r.reason}`,
          })),
          ...preview.added.map((a) => ({
            key: `a${String(a.line)}`,
            line: a.line,
            outcome: 'added' as const,
            code: a.code,
            text: a.name,
          })),
          ...preview.changed.map((c) => ({
            key: `c${String(c.line)}`,
            line: c.line,
            outcome: 'changed' as const,
            code: c.code,
            text: `${t('catalogue.validFrom')} ${c.validFrom}: ${c.fields
              .map(
                (f) =>
                  `${f.field} ${changeValue(t, f.field, f.before)} → ${changeValue(t, f.field, f.after)}`,
              )
              .join('；')}`,
          })),
          ...preview.ended.map((e) => ({
            key: `e${e.code}`,
            line: e.line,
            outcome: 'ended' as const,
            code: e.code,
            text: `${t('catalogue.validTo')} ${e.validTo ?? '—'}`,
          })),
          ...preview.skipped.map((s) => ({
            key: `s${String(s.line)}`,
            line: s.line,
            outcome: 'skipped' as const,
            code: s.code,
            text: s.reason,
          })),
        ];

  return (
    <div data-testid="catalogue-import">
      <Typography.Paragraph type="secondary">{t('catalogue.importIntro')}</Typography.Paragraph>
      <Space wrap className="filters">
        <Upload
          accept=".csv,.xlsx,.tsv,.txt"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            setPreview(undefined);
            setApplied(undefined);
            setError(undefined);
            return false; // kept in the page: sent as the request body on preview and import
          }}
          onRemove={() => {
            setFile(undefined);
            setPreview(undefined);
          }}
          fileList={file === undefined ? [] : [{ uid: 'file', name: file.name, status: 'done' }]}
        >
          <Button icon={<UploadOutlined />} data-testid="catalogue-file">
            {t('catalogue.chooseFile')}
          </Button>
        </Upload>
        <span>{t('catalogue.effectiveFrom')}</span>
        <DatePicker
          allowClear={false}
          value={dayjs(effectiveFrom)}
          onChange={(d) => {
            if (d !== null) setEffectiveFrom(d.format('YYYY-MM-DD'));
          }}
        />
        <Checkbox
          checked={endMissing}
          onChange={(e) => {
            setEndMissing(e.target.checked);
          }}
        >
          {t('catalogue.endMissing')}
        </Checkbox>
        <Button
          disabled={file === undefined}
          loading={busy}
          data-testid="catalogue-preview"
          onClick={() => {
            void run(false);
          }}
        >
          {t('catalogue.preview')}
        </Button>
        <Button
          type="primary"
          disabled={
            file === undefined ||
            preview === undefined ||
            preview.rejected.length > 0 ||
            applied !== undefined
          }
          loading={busy}
          data-testid="catalogue-apply"
          onClick={() => {
            void run(true);
          }}
        >
          {t('catalogue.apply')}
        </Button>
      </Space>
      {error !== undefined && refusedPreview(error) === undefined ? <ErrorAlert error={error} /> : null}
      {applied !== undefined ? (
        <Alert
          type="success"
          showIcon
          title={t('catalogue.applied', { id: applied })}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {preview !== undefined && preview.rejected.length > 0 ? (
        <Alert
          type="error"
          showIcon
          title={t('catalogue.cannotApply', { n: preview.rejected.length })}
          style={{ marginBottom: 12 }}
          data-testid="catalogue-rejected"
        />
      ) : null}
      {preview !== undefined ? (
        <>
          <Descriptions
            size="small"
            bordered
            column={{ xs: 2, md: 6 }}
            style={{ marginBottom: 12 }}
            title={t('catalogue.previewSummary', {
              file: preview.fileName,
              format: preview.format,
              rows: preview.rows,
            })}
            items={[
              { key: 'added', label: t('catalogue.added'), children: preview.added.length },
              { key: 'changed', label: t('catalogue.changed'), children: preview.changed.length },
              { key: 'ended', label: t('catalogue.ended'), children: preview.ended.length },
              { key: 'unchanged', label: t('catalogue.unchanged'), children: preview.unchanged },
              { key: 'skipped', label: t('catalogue.skipped'), children: preview.skipped.length },
              { key: 'rejected', label: t('catalogue.rejected'), children: preview.rejected.length },
            ]}
          />
          <Table<Line>
            rowKey="key"
            size="small"
            dataSource={lines}
            data-testid="catalogue-preview-lines"
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              {
                title: t('catalogue.line'),
                dataIndex: 'line',
                width: 80,
                render: (n: number | null) => (n === null ? t('catalogue.notInFile') : n),
              },
              {
                title: t('catalogue.action'),
                dataIndex: 'outcome',
                width: 90,
                render: (o: Line['outcome']) => <Tag color={COLOR[o]}>{t(`catalogue.${o}`)}</Tag>,
              },
              {
                title: t('catalogue.code'),
                dataIndex: 'code',
                width: 150,
                render: (c: string) => <code>{c}</code>,
              },
              { title: t('catalogue.reason'), dataIndex: 'text' },
            ]}
          />
        </>
      ) : null}
    </div>
  );
}
