// 转诊与电子处方: the officer records a referral or an e-prescription, looks one up by number, and
// files a referral (备案). The URL keeps the tab and the record shown.
import { Card, Col, Row, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { registryApi } from '../api/registry-endpoints';
import { useQueryState } from '../hooks/useQueryState';
import { useLocale } from '../i18n/LocaleContext';
import { EPrescriptionForm } from './referrals/EPrescriptionForm';
import { EPrescriptionView } from './referrals/EPrescriptionView';
import { RecordLookup } from './referrals/RecordLookup';
import { ReferralForm } from './referrals/ReferralForm';
import { ReferralView } from './referrals/ReferralView';
import { RecordHistory } from './registry/RecordHistory';

export default function ReferralsPage() {
  const { t } = useLocale();
  const query = useQueryState();
  const tab = query.get('tab') === 'prescriptions' ? 'prescriptions' : 'referrals';
  const id = query.get('id');
  const [version, setVersion] = useState(0);
  const show = (next: string | undefined) => {
    query.set({ id: next });
    setVersion((v) => v + 1);
  };
  return (
    <div data-testid="page-referrals">
      <Typography.Title level={3} className="page-title">
        {t('work.referralsTitle')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          query.set({ tab: key === 'referrals' ? undefined : key, id: undefined });
        }}
        items={[
          {
            key: 'referrals',
            label: t('work.referrals'),
            children: (
              <Row gutter={16}>
                <Col xs={24} xl={12}>
                  <Card size="small" title={t('work.issueReferral')} style={{ marginBottom: 16 }}>
                    <ReferralForm
                      onCreated={(r) => {
                        show(r.id);
                      }}
                    />
                  </Card>
                </Col>
                <Col xs={24} xl={12}>
                  <Card size="small" title={t('work.lookupReferral')} style={{ marginBottom: 16 }}>
                    <RecordLookup
                      id={id}
                      version={version}
                      onId={show}
                      load={registryApi.referral}
                      testId="referral-lookup"
                      render={(r, reload) => (
                        <>
                          <ReferralView
                            referral={r}
                            onChanged={() => {
                              reload();
                              setVersion((v) => v + 1);
                            }}
                          />
                          <div style={{ marginTop: 16 }}>
                            <RecordHistory entity="referral" id={r.id} version={version} />
                          </div>
                        </>
                      )}
                    />
                  </Card>
                </Col>
              </Row>
            ),
          },
          {
            key: 'prescriptions',
            label: t('work.prescriptions'),
            children: (
              <Row gutter={16}>
                <Col xs={24} xl={12}>
                  <Card size="small" title={t('work.issuePrescription')} style={{ marginBottom: 16 }}>
                    <EPrescriptionForm
                      onCreated={(rx) => {
                        show(rx.id);
                      }}
                    />
                  </Card>
                </Col>
                <Col xs={24} xl={12}>
                  <Card size="small" title={t('work.lookupPrescription')} style={{ marginBottom: 16 }}>
                    <RecordLookup
                      id={id}
                      version={version}
                      onId={show}
                      load={registryApi.ePrescription}
                      testId="prescription-lookup"
                      render={(rx) => <EPrescriptionView prescription={rx} />}
                    />
                  </Card>
                </Col>
              </Row>
            ),
          },
        ]}
      />
    </div>
  );
}
