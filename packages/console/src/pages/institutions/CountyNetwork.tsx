// A county's network without a map (县域网络): hospitals, then each primary centre with the stations
// or village clinics under it, then clinics and pharmacies — the structure designation follows (R-A4).
import { Card, Col, Empty, Row, Statistic, Tag, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { Link } from 'react-router-dom';
import type { Institution } from '@yibao/api';
import { label } from '../../format/labels';
import { useLocale, type Translate } from '../../i18n/LocaleContext';

function title(t: Translate, i: Institution) {
  return (
    <span>
      <Link to={`/institutions/${i.id}`} data-testid="network-institution">
        {i.name}
      </Link>{' '}
      <Tag>{label(t, 'institutionType', i.type)}</Tag>
      {i.level !== null ? (
        <Tag color={i.level === 'primary' ? 'green' : 'blue'}>{label(t, 'level', i.level)}</Tag>
      ) : null}
    </span>
  );
}

const SECTION_ORDER = ['hospitals', 'centres', 'clinics', 'pharmacies'] as const;
type Section = (typeof SECTION_ORDER)[number];

function sectionOf(i: Institution): Section {
  if (i.type === 'pharmacy') return 'pharmacies';
  if (i.level === 'secondary' || i.level === 'tertiary') return 'hospitals';
  if (i.type === 'community_centre' || i.type === 'township_centre') return 'centres';
  return 'clinics';
}

export function buildNetwork(t: Translate, institutions: readonly Institution[]): DataNode[] {
  const ids = new Set(institutions.map((i) => i.id));
  const children = new Map<string, Institution[]>();
  for (const i of institutions) {
    if (i.parentId === null || !ids.has(i.parentId)) continue;
    children.set(i.parentId, [...(children.get(i.parentId) ?? []), i]);
  }
  const node = (i: Institution): DataNode => ({
    key: i.id,
    title: title(t, i),
    children: (children.get(i.id) ?? []).sort((a, b) => a.id.localeCompare(b.id)).map(node),
  });
  const roots = institutions.filter((i) => i.parentId === null || !ids.has(i.parentId));
  return SECTION_ORDER.map((section) => {
    const members = roots.filter((i) => sectionOf(i) === section).sort((a, b) => a.id.localeCompare(b.id));
    return {
      key: `section-${section}`,
      title: <strong>{`${t(`network.${section}`)} (${members.length})`}</strong>,
      selectable: false,
      children: members.map(node),
    };
  }).filter((s) => s.children.length > 0);
}

export function CountyNetwork({
  county,
  institutions,
}: {
  county: string;
  institutions: readonly Institution[];
}) {
  const { t } = useLocale();
  const inCounty = institutions.filter((i) => i.county === county);
  if (inCounty.length === 0) return <Empty description={t('institutions.empty')} />;
  const count = (pred: (i: Institution) => boolean): number => inCounty.filter(pred).length;
  return (
    <div data-testid="county-network">
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('network.total')} value={inCounty.length} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={label(t, 'level', 'primary')} value={count((i) => i.level === 'primary')} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('network.hospitals')}
              value={count((i) => i.level === 'secondary' || i.level === 'tertiary')}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('network.pharmacies')} value={count((i) => i.type === 'pharmacy')} />
          </Card>
        </Col>
      </Row>
      <Tree
        className="network-tree"
        defaultExpandAll
        showLine
        selectable={false}
        treeData={buildNetwork(t, inCounty)}
      />
    </div>
  );
}
