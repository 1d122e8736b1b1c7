// The ordered list of migrations. Append only: an applied migration is never edited.
import * as core from './001_core.js';
import * as dashboardSummary from './002_dashboard_summary.js';
import * as registry from './003_registry.js';
import * as leanSettlementWrites from './004_lean_settlement_writes.js';
import * as dashboardMonthly from './005_dashboard_monthly.js';
import * as assessment from './006_assessment.js';
import * as settlementOneRow from './007_settlement_one_row.js';
import * as settlementWriteTriggers from './008_settlement_write_triggers.js';
import * as personKeys from './009_person_keys.js';
import * as catalogue from './010_catalogue.js';
import * as settlementRecords from './011_settlement_records.js';
import * as institutionCredentials from './012_institution_credentials.js';
import * as accounts from './013_accounts.js';
import * as auditLog from './014_audit_log.js';
import * as personIdNumber from './015_person_id_number.js';
import * as paymentFacts from './017_payment_facts.js';
import * as paymentRuns from './018_payment_runs.js';
import * as personSexBirth from './019_person_sex_birth.js';
import * as supervisionAlerts from './020_supervision_alerts.js';
import * as paymentReleases from './021_payment_releases.js';
// Paying institutions (issue 14).
// issue 13 parts 3–4: the audit log, personal data (audit branch)

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { id: 1, name: core.name, sql: core.sql },
  { id: 2, name: dashboardSummary.name, sql: dashboardSummary.sql },
  { id: 3, name: registry.name, sql: registry.sql },
  { id: 4, name: leanSettlementWrites.name, sql: leanSettlementWrites.sql },
  { id: 5, name: dashboardMonthly.name, sql: dashboardMonthly.sql },
  { id: 6, name: assessment.name, sql: assessment.sql },
  { id: 7, name: settlementOneRow.name, sql: settlementOneRow.sql },
  { id: 8, name: settlementWriteTriggers.name, sql: settlementWriteTriggers.sql },
  { id: 9, name: personKeys.name, sql: personKeys.sql },
  { id: 10, name: catalogue.name, sql: catalogue.sql },
  { id: 11, name: settlementRecords.name, sql: settlementRecords.sql },
  { id: 12, name: institutionCredentials.name, sql: institutionCredentials.sql },
  { id: 13, name: accounts.name, sql: accounts.sql },
  { id: 14, name: auditLog.name, sql: auditLog.sql },
  { id: 15, name: personIdNumber.name, sql: personIdNumber.sql },
  { id: 17, name: paymentFacts.name, sql: paymentFacts.sql },
  { id: 18, name: paymentRuns.name, sql: paymentRuns.sql },
  { id: 19, name: personSexBirth.name, sql: personSexBirth.sql },
  { id: 20, name: supervisionAlerts.name, sql: supervisionAlerts.sql },
  { id: 21, name: paymentReleases.name, sql: paymentReleases.sql },
  // Paying institutions (issue 14).
];
