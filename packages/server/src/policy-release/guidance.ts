// The guidance's fixed numbers (policy/guidance.yaml) for the compliance check (合规校验, § H),
// validated on load by the engine like the region's policy files (file and line on any error).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileGuidance } from '@yibao/engine';
import type { GuidanceFile } from '@yibao/engine';

export type { GuidanceFile } from '@yibao/engine';

export function loadGuidance(policyDir: string): GuidanceFile {
  return compileGuidance({
    path: 'guidance.yaml',
    text: readFileSync(join(policyDir, 'guidance.yaml'), 'utf8'),
  });
}
