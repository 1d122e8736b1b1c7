import { SETTLEMENT_SORTS } from '@yibao/api/constants';
import type { SettlementSort } from '@yibao/api';

/** The sort in the URL, or the newest first when it is missing or not one the service knows. */
export function sortOf(raw: string | undefined): SettlementSort {
  return (SETTLEMENT_SORTS as readonly string[]).includes(raw ?? '') ? (raw as SettlementSort) : '-date';
}
