// 脱敏 (R-B7): names and 身份证号 are masked in every answer that carries a person, by the server, so
// the console shows what it is given and no client can forget to mask. The full view is a separate,
// logged act (GET /persons/{id}?reveal=true&reason=…, permission person.reveal).
import type { Person as PersonAnswer } from '@yibao/api';
import type { Person } from '../store/records.js';

const MASK = '*';

/**
 * 姓名: the first and the last character kept, every one between masked (张*三, 欧**锋); a two-character
 * name keeps its first only (张*), a one-character name is masked whole. Characters, not UTF-16 units,
 * so a name outside the Basic Multilingual Plane is masked like any other.
 */
export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return MASK;
  if (chars.length === 2) return `${chars[0]}${MASK}`;
  return `${chars[0]}${MASK.repeat(chars.length - 2)}${chars.at(-1)}`;
}

/** 身份证号: the first four (province and city) and the last four kept: 3301**********1234. */
export function maskIdNumber(idNumber: string): string {
  const chars = Array.from(idNumber);
  if (chars.length <= 8) return MASK.repeat(chars.length);
  return `${chars.slice(0, 4).join('')}${MASK.repeat(chars.length - 8)}${chars.slice(-4).join('')}`;
}

/** The person as every answer gives it: name and 身份证号 masked. */
export function maskedPerson(person: Person): PersonAnswer {
  return {
    ...person,
    name: maskName(person.name),
    idNumber: person.idNumber == null ? null : maskIdNumber(person.idNumber),
    revealed: false,
  };
}

/** The full view: only for GET /persons/{id}?reveal=true with a reason, and logged. */
export function revealedPerson(person: Person): PersonAnswer {
  return { ...person, idNumber: person.idNumber ?? null, revealed: true };
}
