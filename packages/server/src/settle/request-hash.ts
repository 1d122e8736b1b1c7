// A request's fingerprint for idempotency (幂等): the same body in any key order hashes the same,
// so a retry that re-serialises its JSON is still recognised as the same request.
import { createHash } from 'node:crypto';

/**
 * The body as JSON with every object's keys in sorted order (code-unit order, as `<` compares
 * strings) and undefined members left out. Written as plain loops: it runs for every settlement,
 * and the version built from entries, filter, sort and map took 35 µs of a 10-line visit.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      // A parsed JSON body holds only JSON values; undefined in an array prints as null, as JSON does.
      const item: unknown = value[i];
      out += item === undefined ? 'null' : canonicalJson(item);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += `${JSON.stringify(key)}:${canonicalJson(member)}`;
  }
  return `${out}}`;
}

export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}
