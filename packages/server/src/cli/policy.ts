// `yibao policy check [--region demo] [--json]`: every version of a region's policy against the
// guidance's fixed numbers (合规校验). Exits 1 when any version breaches one.
import { checkCompliance } from '@yibao/engine';
import { loadGuidance } from '../policy-release/guidance.js';
import { loadPolicyBook } from '../policy-release/load.js';
import { parseArgs, stringFlag } from './args.js';
import { policyDir } from './policy-dir.js';

export function runPolicy(argv: string[]): Promise<number> {
  const args = parseArgs(argv, ['json']);
  if (args.positional[0] !== 'check') {
    process.stderr.write('usage: yibao policy check [--region CODE] [--json] [--policy DIR]\n');
    return Promise.resolve(2);
  }
  const dir = policyDir(stringFlag(args, 'policy'));
  const book = loadPolicyBook(dir);
  const { guidance, texts } = loadGuidance(dir);
  const code = stringFlag(args, 'region') ?? 'demo';
  const region = book.regions.get(code);
  if (!region) {
    process.stderr.write(
      `yibao policy check: no region '${code}' (have: ${[...book.regions.keys()].join(', ')})\n`,
    );
    return Promise.resolve(2);
  }
  const findings = checkCompliance(region, guidance);
  const breaches = findings.filter((f) => !f.ok);
  if (args.flags.has('json')) {
    process.stdout.write(JSON.stringify({ region: code, findings, breaches: breaches.length }) + '\n');
  } else {
    process.stdout.write(
      `${region.name} (${code}) 政策合规校验：${findings.length} 项检查，${breaches.length} 项不符合\n`,
    );
    for (const f of breaches) {
      process.stdout.write(
        `  ✗ ${f.rule} ${texts[f.rule].text}（${texts[f.rule].source}）\n    ${f.version} 版（${f.from} 起）${f.group ?? '全区'}：${f.text}\n`,
      );
    }
  }
  return Promise.resolve(breaches.length === 0 ? 0 : 1);
}
