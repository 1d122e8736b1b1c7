// The command line's side of the audit log: a `yibao` command that changes the records writes its
// own entry, under `cli:<operator>` — the operating-system user who ran it (what the machine
// verified), never a flag's word. Each run is a short chain of its own, anchored when it closes.
import { userInfo } from 'node:os';
import type { Queryable } from '../db/types.js';
import { AuditWriter } from './audit-writer.js';
import { actorOf, type Identity } from './identity.js';

/** The operator of this process: the OS user (USER when the user database has no name for it). */
export function cliIdentity(): Identity {
  let operator: string;
  try {
    operator = userInfo().username;
  } catch {
    operator = process.env['USER'] ?? 'unknown';
  }
  return { kind: 'cli', operator: operator === '' ? 'unknown' : operator };
}

export interface CliAction {
  /** `cli catalogue import --apply` */
  action: string;
  target: string | null;
  /** `ok` or the refusal's code. */
  outcome: string;
  detail: Record<string, string | number | boolean | null>;
}

/** Writes one entry for a command's action and anchors it. */
export async function auditCli(db: Queryable, identity: Identity, entry: CliAction): Promise<void> {
  const writer = new AuditWriter(db);
  await writer.append({
    at: new Date().toISOString(),
    actor: actorOf(identity),
    ip: null,
    action: entry.action,
    target: entry.target,
    status: null,
    outcome: entry.outcome,
    detail: entry.detail,
  });
  await writer.close();
}
