// 公民身份号码 (GB 11643-1999): six digits of the place of registration, the birth date YYYYMMDD,
// three of sequence, and a check character over the first seventeen (ISO 7064 MOD 11-2).
import { Invalid } from './errors.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The check character the first seventeen digits call for. */
export function idNumberCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] ?? '';
}

/**
 * The number in its stored form (upper-case X), or Invalid (400, field `idNumber`) when the check
 * character is wrong, the birth date does not exist, is before 1900 or after `today`.
 */
export function checkedIdNumber(value: string, today: string, field = 'idNumber'): string {
  const id = value.toUpperCase();
  if (!/^[1-9][0-9]{16}[0-9X]$/.test(id))
    throw new Invalid(field, 'invalid_id_number', '身份证号应为 18 位：17 位数字和 1 位校验码');
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const date = new Date(`${birth}T00:00:00Z`);
  if (
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== birth ||
    birth < '1900-01-01' ||
    birth > today
  )
    throw new Invalid(field, 'invalid_id_number', `身份证号中的出生日期 ${birth} 不合理`);
  if (idNumberCheck(id.slice(0, 17)) !== id[17])
    throw new Invalid(field, 'invalid_id_number', '身份证号校验码不符');
  return id;
}

/**
 * The number's birth date and sex (the 17th digit, odd for a man) against what the registration
 * says: a disagreement is a 400 on `idNumber`, so a person's records never contradict each other.
 */
export function checkIdAgrees(
  id: string,
  birthDate: string | null | undefined,
  sex: 'male' | 'female' | null | undefined,
  field = 'idNumber',
): void {
  const born = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (birthDate != null && birthDate !== born)
    throw new Invalid(
      field,
      'invalid_id_number',
      `身份证号中的出生日期 ${born} 与 birthDate ${birthDate} 不符`,
    );
  const male = Number(id[16]) % 2 === 1;
  if (sex != null && (sex === 'male') !== male)
    throw new Invalid(field, 'invalid_id_number', `身份证号中的性别与 sex ${sex} 不符`);
}
