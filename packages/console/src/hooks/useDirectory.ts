// Reference data many pages share — the institutions (for names and pickers) and the requirements
// catalogue (for the clause behind every amount) — loaded once per page load and kept.
import { useEffect, useState } from 'react';
import { api } from '../api/endpoints';
import type { Institution, Requirement, RequirementsCatalogue } from '@yibao/api';

let institutionsOnce: Promise<Institution[]> | undefined;
let catalogueOnce: Promise<RequirementsCatalogue> | undefined;

async function loadAllInstitutions(): Promise<Institution[]> {
  const all: Institution[] = [];
  // The list pages at most 500; a region's designated list is a few thousand at most.
  for (let page = 1; page <= 50; page++) {
    const chunk = await api.institutions({ page, pageSize: 500 });
    all.push(...chunk.items);
    if (all.length >= chunk.total || chunk.items.length === 0) break;
  }
  return all;
}

function useShared<T>(get: () => Promise<T>): { value: T | undefined; error: Error | undefined } {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);
  useEffect(() => {
    let live = true;
    get().then(
      (v) => {
        if (live) setValue(v);
      },
      (err: unknown) => {
        if (live) setError(err instanceof Error ? err : new Error(String(err)));
      },
    );
    return () => {
      live = false;
    };
  }, [get]);
  return { value, error };
}

const getInstitutions = (): Promise<Institution[]> => {
  institutionsOnce ??= loadAllInstitutions().catch((err: unknown) => {
    institutionsOnce = undefined; // let the next page try again
    throw err;
  });
  return institutionsOnce;
};

const getCatalogue = (): Promise<RequirementsCatalogue> => {
  catalogueOnce ??= api.requirements().catch((err: unknown) => {
    catalogueOnce = undefined;
    throw err;
  });
  return catalogueOnce;
};

export interface InstitutionDirectory {
  list: Institution[];
  byId: ReadonlyMap<string, Institution>;
  error: Error | undefined;
  ready: boolean;
}

export function useInstitutionDirectory(): InstitutionDirectory {
  const { value, error } = useShared(getInstitutions);
  const list = value ?? [];
  return { list, byId: new Map(list.map((i) => [i.id, i])), error, ready: value !== undefined };
}

export interface Catalogue {
  requirement(id: string): Requirement | undefined;
  documentTitle(id: string): string | undefined;
  error: Error | undefined;
  ready: boolean;
}

export function useCatalogue(): Catalogue {
  const { value, error } = useShared(getCatalogue);
  const requirements = new Map((value?.requirements ?? []).map((r) => [r.id, r]));
  const documents = new Map((value?.documents ?? []).map((d) => [d.id, d.title]));
  return {
    requirement: (id) => requirements.get(id),
    documentTitle: (id) => documents.get(id),
    error,
    ready: value !== undefined,
  };
}
