// The one place that reads where the policy lives: --policy DIR, else YIBAO_POLICY_DIR, else the
// repository's policy/ folder. Below the CLI everything receives the folder or the loaded release.
import { resolve } from 'node:path';
import { repositoryPolicyDir } from '../policy-release/load.js';

export function policyDir(flag?: string): string {
  const fromEnv = process.env['YIBAO_POLICY_DIR'];
  return resolve(flag ?? (fromEnv !== undefined && fromEnv !== '' ? fromEnv : repositoryPolicyDir()));
}
