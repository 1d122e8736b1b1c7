// The benefit lookup (rate, deductible, cap by version, scheme, category, benefit group and level)
// encoded as a ZEN decision table (@gorules/zen-engine, JSON Decision Model) from the same compiled
// policy — what a team reaching for a general rules engine would write. Used only by the benchmark.
import { ZenEngine } from '@gorules/zen-engine';

const LEVELS = ['primary', 'secondary', 'tertiary'];
const q = (s) => JSON.stringify(s);

function rowsFor(segment) {
  const rows = [];
  for (const [key, g] of segment.groups) {
    const [scheme, category] = key.split('/');
    const when = segment.until ? `[${q(segment.from)}..${q(segment.until)})` : `>= ${q(segment.from)}`;
    const add = (group, level, out) =>
      rows.push({
        date: when,
        scheme: q(scheme),
        category: q(category),
        group: q(group),
        level: q(level),
        ...out,
      });
    for (const level of LEVELS) {
      const general = g.generalOutpatient;
      add('general_outpatient', level, {
        deductible: general.deductible[level],
        rate: general.rate[level],
        tierThreshold: general.tierThreshold ?? 0,
        tierRate: general.tierRate[level] ?? general.rate[level],
        cap: general.cap,
      });
      add('chronic_outpatient', level, {
        deductible: 0,
        rate: g.chronicOutpatient.rate[level],
        tierThreshold: 0,
        tierRate: g.chronicOutpatient.rate[level],
        cap: g.chronicOutpatient.cap,
      });
      add('special_outpatient', level, {
        deductible: g.specialOutpatient.deductible,
        rate: g.inpatient.rate[level],
        tierThreshold: 0,
        tierRate: g.inpatient.rate[level],
        cap: g.inpatient.cap,
      });
      add('inpatient', level, {
        deductible: g.inpatient.deductible[level],
        rate: g.inpatient.rate[level],
        tierThreshold: 0,
        tierRate: g.inpatient.rate[level],
        cap: g.inpatient.cap,
      });
      add('family_bed', level, {
        deductible: g.familyBed.deductible,
        rate: g.inpatient.rate.primary,
        tierThreshold: 0,
        tierRate: g.inpatient.rate.primary,
        cap: g.inpatient.cap,
      });
    }
  }
  return rows;
}

export function zenBenefitDecision(region) {
  const inputs = ['date', 'scheme', 'category', 'group', 'level'].map((f) => ({
    id: `in_${f}`,
    name: f,
    field: f,
  }));
  const outputs = ['deductible', 'rate', 'tierThreshold', 'tierRate', 'cap'].map((f) => ({
    id: `out_${f}`,
    name: f,
    field: f,
  }));
  const rules = region.segments.flatMap(rowsFor).map((row, i) => {
    const rule = { _id: `r${i}` };
    for (const c of inputs) rule[c.id] = row[c.field];
    for (const c of outputs) rule[c.id] = String(row[c.field]);
    return rule;
  });
  const content = {
    nodes: [
      { id: 'request', type: 'inputNode', name: 'request', position: { x: 0, y: 0 } },
      {
        id: 'benefits',
        type: 'decisionTableNode',
        name: 'benefits',
        position: { x: 200, y: 0 },
        content: { hitPolicy: 'first', inputs, outputs, rules },
      },
      { id: 'response', type: 'outputNode', name: 'response', position: { x: 400, y: 0 } },
    ],
    edges: [
      { id: 'e1', sourceId: 'request', targetId: 'benefits', type: 'edge' },
      { id: 'e2', sourceId: 'benefits', targetId: 'response', type: 'edge' },
    ],
  };
  return { decision: new ZenEngine().createDecision(content), ruleCount: rules.length };
}

/** The lookup key of a calc request, as the engine's benefit-group step would find it (simplified). */
export function lookupKey(req) {
  const kind = req.visit.kind;
  const group =
    kind === 'outpatient' || kind === 'emergency' || kind === 'pharmacy' ? 'general_outpatient' : kind;
  const level =
    kind === 'pharmacy' ? (req.visit.ePrescription?.fromLevel ?? 'primary') : req.institution.level;
  return { date: req.date, scheme: req.person.scheme, category: req.person.category, group, level };
}
