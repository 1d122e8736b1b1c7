// DIP 按病种分值付费 (PAYMENT_POLICY.md §3, R-E3, R-E6): grouping a stay into a core, comprehensive or
// blank group, its reference cost, ratio class and points. The demo region's case method.
import { LEVELS } from '../contract.js';
import type { Level } from '../contract.js';
import type { SourceFile } from '../policy-compiler/source.js';
import { asRecord } from '../policy-compiler/source.js';
import { pointsText, roundQuotient, yuanText } from './arith.js';
import type { CaseMethod, CaseStay, CaseUnits, Procedure } from './method.js';
import type { ParameterSpec, Path } from './schema.js';
import { readCoefficient, readMapping, readPercent, readWhole, readYuan } from './schema.js';
import type { PaymentEvent, PaymentParam, PaymentVersion } from './types.js';

export interface CoreGroup {
  code: string;
  diagnosis: string; // prefix
  procedure: string | null; // prefix; null = conservative (保守治疗)
  score: number;
  basic: boolean; // 基层病种: k = 1.00 at every level (同病同价)
  tcm: boolean; // TCM group: the TCM coefficient in a TCM ward
}

export interface ComprehensiveGroup {
  group: string; // ZH-K
  from: string | null; // diagnosis category range, three characters, compared as text; null = all others
  to: string | null;
  scores: Readonly<Record<ComprehensiveClass, number>>;
}

export type ComprehensiveClass = 'B' | 'D' | 'T' | 'S';

export interface DipSettings {
  levelCoefficients: Readonly<Partial<Record<Level, number>>>; // hundredths; the levels DIP pays at
  referenceCostPerScore: number; // fen per score
  blank: { code: string; yuanPerPoint: number; percent: number };
  core: readonly CoreGroup[];
  comprehensive: readonly ComprehensiveGroup[];
}

function text(file: SourceFile, path: Path, v: unknown, name: string, what: string): string {
  if (typeof v !== 'string' || v === '')
    file.fail(path, name, `${what} must be text${typeof v === 'number' ? ` (quote it: '${v}')` : ''}`);
  return v;
}

function readLevelCoefficients(
  file: SourceFile,
  path: Path,
  v: unknown,
  name: string,
): Readonly<Partial<Record<Level, number>>> {
  const r = asRecord(v);
  if (!r || Object.keys(r).length === 0)
    file.fail(path, name, 'must map the levels DIP pays at to their coefficients');
  file.onlyKeys(path, r, LEVELS, name);
  const out: Partial<Record<Level, number>> = {};
  for (const [k, x] of Object.entries(r)) out[k as Level] = readCoefficient(file, [...path, k], x, name);
  return Object.freeze(out);
}

function readBlank(file: SourceFile, path: Path, v: unknown, name: string): DipSettings['blank'] {
  const r = readMapping(file, path, v, name, ['code', 'yuanPerPoint', 'percent']);
  return Object.freeze({
    code: text(file, [...path, 'code'], r.code, name, 'code'),
    yuanPerPoint: readYuan(file, [...path, 'yuanPerPoint'], r.yuanPerPoint, name),
    percent: readPercent(file, [...path, 'percent'], r.percent, name),
  });
}

function readCore(file: SourceFile, path: Path, v: unknown, name: string): readonly CoreGroup[] {
  if (!Array.isArray(v) || v.length === 0) file.fail(path, name, 'must list the core groups');
  const seen = new Set<string>();
  return Object.freeze(
    v.map((g: unknown, i: number): CoreGroup => {
      const p = [...path, i];
      const r = asRecord(g);
      if (!r) file.fail(p, name, 'a core group is { code, diagnosis, procedure?, score, basic?, tcm? }');
      file.onlyKeys(p, r, ['code', 'diagnosis', 'procedure', 'score', 'basic', 'tcm'], name);
      const code = text(file, [...p, 'code'], r.code, name, 'code');
      if (seen.has(code)) file.fail([...p, 'code'], name, `group ${code} is listed twice`);
      seen.add(code);
      for (const flag of ['basic', 'tcm'] as const)
        if (r[flag] !== undefined && typeof r[flag] !== 'boolean')
          file.fail([...p, flag], name, `${flag} must be true or false`);
      const score = readWhole(file, [...p, 'score'], r.score, name);
      if (score <= 0) file.fail([...p, 'score'], name, 'score must be positive');
      return Object.freeze({
        code,
        diagnosis: text(file, [...p, 'diagnosis'], r.diagnosis, name, 'diagnosis'),
        procedure:
          r.procedure === undefined ? null : text(file, [...p, 'procedure'], r.procedure, name, 'procedure'),
        score,
        basic: r.basic === true,
        tcm: r.tcm === true,
      });
    }),
  );
}

const CLASSES: readonly ComprehensiveClass[] = ['B', 'D', 'T', 'S'];
const CATEGORY = /^[A-Z]\d\d$/;

function readComprehensive(
  file: SourceFile,
  path: Path,
  v: unknown,
  name: string,
): readonly ComprehensiveGroup[] {
  if (!Array.isArray(v) || v.length === 0) file.fail(path, name, 'must list the comprehensive groups');
  const groups = v.map((g: unknown, i: number): ComprehensiveGroup => {
    const p = [...path, i];
    const r = asRecord(g);
    if (!r)
      file.fail(
        p,
        name,
        'a comprehensive group is { group, from, to, scores } or { group, others: true, scores }',
      );
    file.onlyKeys(p, r, ['group', 'from', 'to', 'others', 'scores'], name);
    const group = text(file, [...p, 'group'], r.group, name, 'group');
    const sr = readMapping(file, [...p, 'scores'], r.scores, name, CLASSES);
    const scores = {} as Record<ComprehensiveClass, number>;
    for (const c of CLASSES) scores[c] = readWhole(file, [...p, 'scores', c], sr[c], name);
    if (r.others === true)
      return Object.freeze({ group, from: null, to: null, scores: Object.freeze(scores) });
    const from = text(file, [...p, 'from'], r.from, name, 'from');
    const to = text(file, [...p, 'to'], r.to, name, 'to');
    if (!CATEGORY.test(from) || !CATEGORY.test(to) || from > to)
      file.fail([...p, 'from'], name, 'from and to are diagnosis categories like C00 and D48, in order');
    return Object.freeze({ group, from, to, scores: Object.freeze(scores) });
  });
  const others = groups.findIndex((g) => g.from === null);
  if (others !== groups.length - 1)
    file.fail(path, name, 'exactly one group, the last, is for all other categories (others: true)');
  return Object.freeze(groups);
}

export const DIP_SPECS: readonly ParameterSpec[] = [
  { name: 'dip.levelCoefficients', unit: 'coefficientByLevel', read: readLevelCoefficients },
  { name: 'dip.referenceCostPerScore', unit: 'yuan', read: readYuan },
  { name: 'dip.blankGroup', unit: 'blankGroup', read: readBlank },
  { name: 'dip.coreGroups', unit: 'dipCoreGroups', read: readCore },
  { name: 'dip.comprehensiveGroups', unit: 'dipComprehensiveGroups', read: readComprehensive },
];

// ---- grouping (分组) -------------------------------------------------------------------------------

export type Grouping =
  | { kind: 'blank'; why: string }
  | { kind: 'core'; group: CoreGroup; why: string }
  | { kind: 'comprehensive'; group: ComprehensiveGroup; cls: ComprehensiveClass; code: string; why: string };

function better(a: CoreGroup, b: CoreGroup): CoreGroup {
  if (a.diagnosis.length !== b.diagnosis.length) return a.diagnosis.length > b.diagnosis.length ? a : b;
  const ap = a.procedure?.length ?? 0;
  const bp = b.procedure?.length ?? 0;
  if (ap !== bp) return ap > bp ? a : b;
  return a.code <= b.code ? a : b;
}

/** PAYMENT_POLICY §3 "Grouping", steps 1–5. */
export function groupStay(
  s: DipSettings,
  diagnosis: string | null,
  procedures: readonly Procedure[],
): Grouping {
  if (diagnosis === null || diagnosis === '') return { kind: 'blank', why: '无主要诊断' };
  if (!/^[A-Z]\d\d/.test(diagnosis))
    return { kind: 'blank', why: `主要诊断${diagnosis}不是“大写字母+两位数字”开头` };
  if (/^[VWXY]/.test(diagnosis))
    return { kind: 'blank', why: `主要诊断${diagnosis}为外因编码（V、W、X、Y），不作主要诊断` };
  const candidates = s.core.filter((g) => diagnosis.startsWith(g.diagnosis));
  for (const p of procedures) {
    const matched = candidates.filter((g) => g.procedure !== null && p.code.startsWith(g.procedure));
    if (matched.length > 0) {
      const g = matched.reduce(better);
      return { kind: 'core', group: g, why: `诊断${diagnosis}与操作${p.code}匹配核心病种${g.code}` };
    }
  }
  const active = procedures.some((p) => p.kind === 'surgery' || p.kind === 'therapeutic');
  if (!active) {
    const conservative = candidates.filter((g) => g.procedure === null);
    if (conservative.length > 0) {
      const g = conservative.reduce(better);
      return {
        kind: 'core',
        group: g,
        why: `诊断${diagnosis}，无手术及治疗性操作，入保守治疗核心病种${g.code}`,
      };
    }
  }
  const cls: ComprehensiveClass = procedures.some((p) => p.kind === 'surgery')
    ? 'S'
    : procedures.some((p) => p.kind === 'therapeutic')
      ? 'T'
      : procedures.some((p) => p.kind === 'diagnostic')
        ? 'D'
        : 'B';
  const category = diagnosis.slice(0, 3);
  const group =
    s.comprehensive.find((g) => g.from !== null && g.to !== null && category >= g.from && category <= g.to) ??
    s.comprehensive[s.comprehensive.length - 1];
  if (!group) throw new Error('DIP: no comprehensive group (the compiler requires one)');
  const code = `${group.group}-${cls}`;
  return {
    kind: 'comprehensive',
    group,
    cls,
    code,
    why: `诊断${diagnosis}未入核心病种，按类目${category}入综合病种${code}`,
  };
}

// ---- points (分值) ----------------------------------------------------------------------------------

function cite(version: PaymentVersion, name: string, value: string): PaymentParam {
  const source = version.citations.get(name);
  if (!source) throw new Error(`payment policy: no citation for ${name}`);
  return { name, value, source };
}

const LEVEL_NAME: Record<Level, string> = { primary: '基层', secondary: '二级', tertiary: '三级' };
const coef = (h: number): string => (h / 100).toFixed(2);

function dipUnits(version: PaymentVersion, stay: CaseStay): CaseUnits {
  const s = version.caseSettings as DipSettings;
  const T = stay.totalCost - stay.institutionBorne;
  const g = groupStay(s, stay.diagnosis, stay.procedures);
  const events: PaymentEvent[] = [];
  const groupParam = cite(
    version,
    g.kind === 'comprehensive'
      ? 'dip.comprehensiveGroups'
      : g.kind === 'core'
        ? 'dip.coreGroups'
        : 'dip.blankGroup',
    '',
  );
  if (g.kind === 'blank') {
    const points = roundQuotient([T, s.blank.percent], [s.blank.yuanPerPoint]);
    const p = cite(
      version,
      'dip.blankGroup',
      `${s.blank.code}, ${yuanText(s.blank.yuanPerPoint)}元/分, ${s.blank.percent}%`,
    );
    events.push({
      rule: 'R-E3',
      text: `空白病组${s.blank.code}（${g.why}）：病例费用${yuanText(T)}元 ÷ ${yuanText(s.blank.yuanPerPoint)}元 × ${s.blank.percent}% = ${pointsText(points)}分`,
      amount: null,
      params: [p],
    });
    return { group: s.blank.code, ratio: null, points, referenceCost: null, events };
  }
  const score = g.kind === 'core' ? g.group.score : g.group.scores[g.cls];
  const code = g.kind === 'core' ? g.group.code : g.code;
  const basic = g.kind === 'core' && g.group.basic;
  const levelK = s.levelCoefficients[stay.level];
  if (levelK === undefined) throw new Error(`DIP does not pay at level ${stay.level}`);
  const k = basic ? 100 : levelK;
  const tcm = g.kind === 'core' && g.group.tcm && stay.department === 'tcm';
  const t = tcm ? version.tcmCoefficient : 100;
  const A = roundQuotient([score, k, s.referenceCostPerScore], [100]);
  const ratio = 2 * T < A ? 'low' : T > 2 * A ? 'high' : 'normal';
  const base = [score, k, t];
  const points =
    ratio === 'normal'
      ? roundQuotient(base, [100])
      : ratio === 'low'
        ? roundQuotient([...base, T], [100, A])
        : roundQuotient([...base, T - A], [100, A]);
  groupParam.value = `${code} ${score}`;
  events.push({
    rule: 'R-E3',
    text: `入组${code}（${g.why}），病种分值${score}`,
    amount: null,
    params: [groupParam],
  });
  const kText = basic
    ? `基层病种不设等级系数（同病同价），k = 1.00`
    : `${LEVEL_NAME[stay.level]}机构等级系数 k = ${coef(k)}`;
  events.push({
    rule: 'R-E3',
    text: kText,
    amount: null,
    ...(basic
      ? {}
      : { params: [cite(version, 'dip.levelCoefficients', `${LEVEL_NAME[stay.level]} ${coef(k)}`)] }),
  });
  if (tcm)
    events.push({
      rule: 'R-E6',
      text: `中医优势病种在中医病区：中医疗效价值系数 t = ${coef(t)}`,
      amount: null,
      params: [cite(version, 'dip.tcmCoefficient', coef(t))],
    });
  const ratioText = {
    low: '低倍率（费用低于参考费用的50%）',
    high: '高倍率（费用高于参考费用的2倍）',
    normal: '正常倍率',
  }[ratio];
  const factor =
    ratio === 'normal'
      ? ''
      : ratio === 'low'
        ? ` × ${yuanText(T)} ÷ ${yuanText(A)}`
        : ` × (${yuanText(T)} ÷ ${yuanText(A)} − 1)`;
  events.push({
    rule: 'R-E3',
    text: `参考费用 ${score} × ${coef(k)} × ${yuanText(s.referenceCostPerScore)}元 = ${yuanText(A)}元；病例费用（总费用减机构承担）${yuanText(T)}元，${ratioText}；分值 ${score} × ${coef(k)} × ${coef(t)}${factor} = ${pointsText(points)}分`,
    amount: null,
    params: [cite(version, 'dip.referenceCostPerScore', `${yuanText(s.referenceCostPerScore)}元`)],
  });
  return { group: code, ratio, points, referenceCost: A, events };
}

export const DIP_METHOD: CaseMethod = {
  name: 'dip',
  specs: DIP_SPECS,
  settings(values): DipSettings {
    return Object.freeze({
      levelCoefficients: values.get('dip.levelCoefficients') as DipSettings['levelCoefficients'],
      referenceCostPerScore: values.get('dip.referenceCostPerScore') as number,
      blank: values.get('dip.blankGroup') as DipSettings['blank'],
      core: values.get('dip.coreGroups') as readonly CoreGroup[],
      comprehensive: values.get('dip.comprehensiveGroups') as readonly ComprehensiveGroup[],
    });
  },
  paysAt(settings, level) {
    return level !== null && (settings as DipSettings).levelCoefficients[level] !== undefined;
  },
  units: dipUnits,
};
