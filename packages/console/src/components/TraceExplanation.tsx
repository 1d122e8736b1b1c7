// The explanation of a settlement (结算说明): every amount a rule moved, in order, with the rule's
// R- id, the requirement's text and the documents it comes from; the exceptions considered and
// not applied are shown apart (dashed, grey), since they are exactly what patients ask about.
import { Tag, Tooltip, Typography } from 'antd';
import type { TraceEvent } from '@yibao/api';
import { useCatalogue, type Catalogue } from '../hooks/useDirectory';
import { useLocale } from '../i18n/LocaleContext';
import { ErrorAlert } from './ErrorAlert';
import { Money } from './Money';

interface Props {
  trace: TraceEvent[];
  /** Line names by index, to say which line a line rule is about. */
  lineNames?: ReadonlyArray<string | undefined>;
}

interface RowProps {
  event: TraceEvent;
  index: number;
  lineName: string | undefined;
  catalogue: Catalogue;
}

function TraceRow({ event, index, lineName, catalogue }: RowProps) {
  const { t, locale } = useLocale();
  const notApplied = event.applied === false;
  const requirement = catalogue.requirement(event.rule);
  return (
    <li
      className={notApplied ? 'trace-event trace-not-applied' : 'trace-event'}
      data-testid="trace-event"
      data-rule={event.rule}
      data-applied={notApplied ? 'false' : 'true'}
    >
      <div className="trace-head">
        <span className="trace-index">{index + 1}</span>
        <Tag color={notApplied ? 'default' : 'blue'} className="trace-rule">
          {event.rule}
        </Tag>
        {notApplied ? <Tag color="orange">{t('trace.notApplied')}</Tag> : null}
        {event.item !== undefined ? (
          <Tag>{t('trace.line', { n: event.item + 1, name: lineName ?? '' })}</Tag>
        ) : null}
        <span className="trace-text">{event.text}</span>
        <span className="trace-amount">
          <Money value={event.amount} strong={!notApplied && event.amount !== 0} />
        </span>
      </div>
      <div className="trace-clause">
        {requirement === undefined ? (
          <Typography.Text type="secondary">
            {catalogue.ready ? t('trace.noRequirement', { id: event.rule }) : t('common.loading')}
          </Typography.Text>
        ) : (
          <>
            <div>
              <Typography.Text type="secondary">{t('trace.requirement')}: </Typography.Text>
              <span data-testid="requirement-text">
                {locale === 'zh-CN' && requirement.textZh ? requirement.textZh : requirement.text}
              </span>
            </div>
            <div>
              <Typography.Text type="secondary">{t('trace.source')}: </Typography.Text>
              {requirement.sources}
              {requirement.documents.map((doc) => (
                <Tooltip key={doc} title={catalogue.documentTitle(doc)}>
                  <span className="trace-document" data-testid="requirement-document">
                    {doc} {catalogue.documentTitle(doc) ?? ''}
                  </span>
                </Tooltip>
              ))}
            </div>
          </>
        )}
      </div>
    </li>
  );
}

export function TraceExplanation({ trace, lineNames = [] }: Props) {
  const { t } = useLocale();
  const catalogue = useCatalogue();
  const notApplied = trace.filter((e) => e.applied === false).length;
  return (
    <div>
      <Typography.Paragraph type="secondary">
        {t('trace.summary', { n: trace.length, notApplied })}
      </Typography.Paragraph>
      {catalogue.error !== undefined ? <ErrorAlert error={catalogue.error} /> : null}
      <ol className="trace-list" data-testid="trace">
        {trace.map((event, i) => (
          <TraceRow
            key={i}
            event={event}
            index={i}
            catalogue={catalogue}
            lineName={event.item === undefined ? undefined : lineNames[event.item]}
          />
        ))}
      </ol>
    </div>
  );
}
