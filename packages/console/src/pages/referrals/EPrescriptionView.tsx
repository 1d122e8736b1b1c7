// An e-prescription as kept: who prescribed what, for whom, valid until when.
import { Descriptions, Table } from 'antd';
import { Link } from 'react-router-dom';
import type { EPrescription } from '@yibao/api';
import { useInstitutionDirectory } from '../../hooks/useDirectory';
import { useLocale } from '../../i18n/LocaleContext';

export function EPrescriptionView({ prescription }: { prescription: EPrescription }) {
  const { t } = useLocale();
  const directory = useInstitutionDirectory();
  const rx = prescription;
  return (
    <div data-testid="prescription-view">
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginBottom: 12 }}
        items={[
          { key: 'id', label: t('work.prescriptionId'), children: rx.id },
          {
            key: 'person',
            label: t('settlements.person'),
            children: <Link to={`/persons/${rx.personId}`}>{rx.personId}</Link>,
          },
          {
            key: 'institution',
            label: t('work.prescribingInstitution'),
            children: (
              <Link to={`/institutions/${rx.institutionId}`}>
                {directory.byId.get(rx.institutionId)?.name ?? rx.institutionId}
              </Link>
            ),
          },
          { key: 'doctor', label: t('work.doctor'), children: rx.doctor },
          { key: 'term', label: t('work.validity'), children: `${rx.issuedOn} — ${rx.validUntil}` },
        ]}
      />
      <Table
        size="small"
        rowKey={(i) => i.code}
        pagination={false}
        dataSource={rx.items}
        columns={[
          { title: t('work.itemCode'), dataIndex: 'code' },
          { title: t('work.itemName'), dataIndex: 'name' },
          { title: t('work.quantity'), dataIndex: 'quantity', align: 'right' },
        ]}
      />
    </div>
  );
}
