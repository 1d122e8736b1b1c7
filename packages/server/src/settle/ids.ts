// Settlement ids: UUID version 7 — a millisecond timestamp first, then randomness. Time-ordered
// keys append at the right edge of the primary-key and line indexes instead of landing on a
// random page each time, which keeps index pages hot and the write-ahead log small under load.
import { randomBytes } from 'node:crypto';

export function newSettlementId(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f); // version 7
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f); // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
