/**
 * The state's organisation tree (`GET /api/orgs`, public), once per visit: unit names for
 * tables, the unit choices of the profile and role forms, ancestors for the access checks
 * that decide which buttons to show.
 */
import { call } from '$lib/api';
import { identity } from '$lib/auth/client';
import type { Lang } from '$lib/i18n';

type Units = Awaited<ReturnType<typeof fetchUnits>>;
export type OrgUnit = Units[number];

const fetchUnits = async () => (await call(identity.orgs.$get())).units;

export type Orgs = {
  units: OrgUnit[];
  get(id: string): OrgUnit | undefined;
  /** Nearest first, up to the state, as the API's access checks take them. */
  ancestors(id: string): string[];
  /** The unit and every unit below it. */
  subtree(id: string): string[];
  name(id: string, lang: Lang): string;
};

function directory(units: OrgUnit[]): Orgs {
  const byId = new Map(units.map((u) => [u.id, u]));
  const children = new Map<string, string[]>();
  for (const u of units) if (u.parent) children.set(u.parent, [...(children.get(u.parent) ?? []), u.id]);
  return {
    units,
    get: (id) => byId.get(id),
    ancestors(id) {
      const out: string[] = [];
      for (let u = byId.get(byId.get(id)?.parent ?? ''); u && !out.includes(u.id); u = byId.get(u.parent ?? '')) out.push(u.id);
      return out;
    },
    subtree(id) {
      const out: string[] = [];
      const stack = byId.has(id) ? [id] : [];
      while (stack.length) {
        const next = stack.pop()!;
        out.push(next);
        stack.push(...(children.get(next) ?? []));
      }
      return out;
    },
    name: (id, lang) => byId.get(id)?.name[lang] ?? id,
  };
}

let once: Promise<Orgs> | undefined;

export function loadOrgs(): Promise<Orgs> {
  once ??= fetchUnits()
    .then(directory)
    .catch((err: unknown) => {
      once = undefined;
      throw err;
    });
  return once;
}

/**
 * Which kinds of unit each kind of person may belong to. Mirrors `unitKindsFor` in
 * functions/identity/profile.ts (the API checks it and answers ORG_WRONG_KIND).
 */
export const unitKindsFor = {
  'civil-servant': ['agency', 'council', 'ppd', 'state'],
  teacher: ['school'],
  participant: ['community-centre', 'school', 'district'],
} as const satisfies Record<string, readonly string[]>;

export type OptionGroup = { label: string; units: OrgUnit[] };

/**
 * Units of the given kinds (and, optionally, only these ids), grouped by the district they
 * sit in, state-level units first; names sorted in the UI language.
 */
export function groupByDistrict(orgs: Orgs, kinds: readonly string[], lang: Lang, stateLevel: string, only?: ReadonlySet<string>): OptionGroup[] {
  const groups = new Map<string, OrgUnit[]>();
  for (const unit of orgs.units) {
    if (!kinds.includes(unit.kind) || (only && !only.has(unit.id))) continue;
    const district = unit.kind === 'district' ? unit.id : orgs.ancestors(unit.id).find((id) => orgs.get(id)?.kind === 'district');
    const key = district ?? '';
    groups.set(key, [...(groups.get(key) ?? []), unit]);
  }
  const byName = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, lang);
  const list = [...groups].map(([district, units]) => ({
    key: district,
    label: district ? orgs.name(district, lang) : stateLevel,
    units: units.sort((a, b) => a.name[lang].localeCompare(b.name[lang], lang)),
  }));
  return [...list.filter((g) => g.key === ''), ...list.filter((g) => g.key !== '').sort(byName)].map(({ label, units }) => ({ label, units }));
}
