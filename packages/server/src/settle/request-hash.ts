// A request's fingerprint for idempotency (幂等): the same body in any key order hashes the same,
// so a retry that re-serialises its JSON is still recognised as the same request.
import { createHash } from 'node:crypto';

// Keys repeat from visit to visit (code, name, quantity…): their quoted form is kept, up to a bound
// so that a caller sending ever-new keys cannot grow it.
const quotedKeys = new Map<string, string>();
function quoted(key: string): string {
  let q = quotedKeys.get(key);
  if (q === undefined) {
    q = JSON.stringify(key);
    if (quotedKeys.size < 1000) quotedKeys.set(key, q);
  }
  return q;
}

/**
 * The body as JSON with every object's keys in sorted order (code-unit order, as `<` compares
 * strings) and undefined members left out. Written as plain loops: it runs for every settlement,
 * and the version built from entries, filter, sort and map took three times as long.
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
    // A number from JSON.parse is finite, and String writes it exactly as JSON.stringify does.
    out += `${quoted(key)}:${typeof member === 'number' ? String(member) : canonicalJson(member)}`;
  }
  return `${out}}`;
}

export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}
