// The policy as the console shows it (政策参数): each dated value with the date range it applies to,
// the versions it is in force in, and its citation; and what changed between two versions. Values
// that are the same for several person groups (城乡居民 adult / minor / elderly) are shown once.
import type { ParameterChange, PolicyDiff, PolicyParameter, PolicyRegion, PolicyVersion } from '@yibao/api';
import type { RegionPolicy } from '@yibao/engine';

type DatedValue = RegionPolicy['parameters'][number];

// The views are the contract's shapes (@yibao/api), under the names this module speaks of.
export type VersionView = PolicyVersion;
export type ParameterView = PolicyParameter;
export type RegionView = PolicyRegion;
export type { ParameterChange };
export type VersionDiff = PolicyDiff;

export function versionsOf(region: RegionPolicy): VersionView[] {
  const sorted = [...region.versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return sorted.map((v, i) => ({
    id: v.id,
    effectiveFrom: v.effectiveFrom,
    until: sorted[i + 1]?.effectiveFrom ?? null,
    note: v.note,
  }));
}

export function regionView(region: RegionPolicy): RegionView {
  return {
    code: region.code,
    name: region.name,
    hash: region.hash,
    versions: versionsOf(region),
    schemes: Object.fromEntries(
      [...region.schemes.entries()].map(([scheme, categories]) => [scheme, [...categories]]),
    ),
  };
}

const seriesKey = (p: DatedValue): string => `${p.group ?? ''}\u0000${p.name}`;

/** Each parameter's values in date order, per group: the series the date ranges come from. */
function seriesOf(region: RegionPolicy): Map<string, DatedValue[]> {
  const series = new Map<string, DatedValue[]>();
  for (const p of region.parameters) {
    const list = series.get(seriesKey(p)) ?? [];
    list.push(p);
    series.set(seriesKey(p), list);
  }
  for (const list of series.values()) list.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return series;
}

const overlaps = (from: string, until: string | null, v: VersionView): boolean =>
  (v.until === null || from < v.until) && (until === null || until > v.effectiveFrom);

/** Folds entries equal but for their group into one with the groups listed. */
function mergeGroups<T extends { groups: string[] }>(
  entries: Array<T & { group: string | null }>,
  sameness: (e: T) => string,
): T[] {
  const merged = new Map<string, T>();
  for (const { group, ...rest } of entries) {
    const entry = rest as unknown as T;
    const key = sameness(entry);
    const found = merged.get(key);
    if (found === undefined) merged.set(key, { ...entry, groups: group === null ? [] : [group] });
    else if (group !== null) found.groups.push(group);
  }
  return [...merged.values()];
}

/** Every dated value with its range and versions; only those in force in `version` when given. */
export function parametersOf(region: RegionPolicy, version?: string): ParameterView[] {
  const versions = versionsOf(region);
  const wanted = version === undefined ? undefined : versions.find((v) => v.id === version);
  const entries: Array<ParameterView & { group: string | null }> = [];
  for (const list of seriesOf(region).values()) {
    list.forEach((p, i) => {
      const until = list[i + 1]?.effectiveFrom ?? null;
      const inVersions = versions.filter((v) => overlaps(p.effectiveFrom, until, v)).map((v) => v.id);
      if (wanted !== undefined && !inVersions.includes(wanted.id)) return;
      entries.push({
        name: p.name,
        group: p.group,
        groups: [],
        description: p.description,
        unit: p.unit,
        value: p.value,
        effectiveFrom: p.effectiveFrom,
        until,
        versions: inVersions,
        source: p.source,
        file: p.file,
      });
    });
  }
  const merged = mergeGroups(entries, (e) =>
    JSON.stringify([e.name, e.value, e.effectiveFrom, e.until, e.source, e.description]),
  );
  return merged.sort(
    (a, b) =>
      a.name.localeCompare(b.name) ||
      (a.groups[0] ?? '').localeCompare(b.groups[0] ?? '') ||
      a.effectiveFrom.localeCompare(b.effectiveFrom),
  );
}

/** The value of one series in force on a date, if any. */
function inForce(list: readonly DatedValue[], date: string): DatedValue | undefined {
  let found: DatedValue | undefined;
  for (const p of list) if (p.effectiveFrom <= date) found = p;
  return found;
}

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** What changed from one version to another: each parameter's value in force at each start. */
export function diffVersions(region: RegionPolicy, from: VersionView, to: VersionView): VersionDiff {
  const entries: Array<ParameterChange & { group: string | null }> = [];
  for (const list of seriesOf(region).values()) {
    const first = list[0];
    if (first === undefined) continue;
    const before = inForce(list, from.effectiveFrom);
    const after = inForce(list, to.effectiveFrom);
    if (before === after) continue;
    const change: ParameterChange['change'] =
      before === undefined
        ? 'added'
        : after === undefined
          ? 'removed'
          : sameValue(before.value, after.value)
            ? 'citation'
            : 'value';
    if (
      change === 'citation' &&
      before !== undefined &&
      after !== undefined &&
      sameValue(before.source, after.source)
    )
      continue;
    const side = (p: DatedValue | undefined): ParameterChange['before'] =>
      p === undefined ? null : { value: p.value, effectiveFrom: p.effectiveFrom, source: p.source };
    entries.push({
      name: first.name,
      group: first.group,
      groups: [],
      description: (after ?? first).description,
      unit: first.unit,
      change,
      before: side(before),
      after: side(after),
    });
  }
  const changes = mergeGroups(entries, (e) => JSON.stringify([e.name, e.change, e.before, e.after]));
  // Value changes first: they are what an officer asks about.
  const rank = { value: 0, added: 1, removed: 2, citation: 3 } as const;
  changes.sort((a, b) => rank[a.change] - rank[b.change] || a.name.localeCompare(b.name));
  return { region: region.code, from, to, changes };
}
