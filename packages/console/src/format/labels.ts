// Enum codes of the API (visit kinds, levels, schemes …) shown as words in the current language;
// a code the dictionary does not know yet is shown as it is rather than hidden.
import { isMessageKey, type Translate } from '../i18n/LocaleContext';

export type LabelFamily =
  | 'visitKind'
  | 'level'
  | 'institutionType'
  | 'scheme'
  | 'category'
  | 'benefitGroup'
  | 'scope'
  | 'direction'
  | 'itemKind'
  | 'itemClass'
  | 'department'
  | 'paramName'
  | 'unit'
  | 'change'
  | 'registryState'
  | 'criterion'
  | 'indicator'
  | 'complaintKind'
  | 'complaintState'
  // issue 13: roles, accounts, institutions' credentials
  | 'role'
  | 'accountStatus'
  | 'credentialStatus'
  | 'priorityGroup'
  | 'certificationKind'
  | 'consentScope';

export function label(t: Translate, family: LabelFamily, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '—';
  const key = `${family}.${code}`;
  return isMessageKey(key) ? t(key) : code;
}

/** "resident/adult" → "城乡居民·成年" */
export function groupLabel(t: Translate, group: string): string {
  const [scheme, category] = group.split('/');
  return `${label(t, 'scheme', scheme)}·${label(t, 'category', category)}`;
}
