// The requirements catalogue (policy/requirements.yaml): the text and sources of every R- id, so a
// settlement's explanation can show the clause behind each amount. Validated on load by the engine
// like the policy files (file and line on any error).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileRequirements } from '@yibao/engine';
import type { RequirementsCatalogue } from '@yibao/engine';

export type { Requirement, RequirementsCatalogue } from '@yibao/engine';

export function loadRequirements(policyDir: string): RequirementsCatalogue {
  return compileRequirements({
    path: 'requirements.yaml',
    text: readFileSync(join(policyDir, 'requirements.yaml'), 'utf8'),
  });
}
