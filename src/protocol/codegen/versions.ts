/**
 * Version ranges of the spec grammar: "N", "N-M", "N+" and "none". A range is inclusive; an empty
 * range has min > max. `max` is Infinity for "N+".
 */
export interface VersionRange {
  readonly min: number;
  readonly max: number;
}

export const NO_VERSIONS: VersionRange = { min: 1, max: 0 };

export function parseVersions(text: string, where: string): VersionRange {
  const s = text.trim();
  if (s === 'none') return NO_VERSIONS;
  let m = /^(\d+)\+$/.exec(s);
  if (m) return { min: Number(m[1]), max: Infinity };
  m = /^(\d+)-(\d+)$/.exec(s);
  if (m) {
    const r = { min: Number(m[1]), max: Number(m[2]) };
    if (r.min > r.max) throw new Error(`${where}: empty version range "${text}"`);
    return r;
  }
  m = /^(\d+)$/.exec(s);
  if (m) return { min: Number(m[1]), max: Number(m[1]) };
  throw new Error(`${where}: bad version range "${text}"`);
}

export function isEmpty(r: VersionRange): boolean {
  return r.min > r.max;
}

export function intersect(a: VersionRange, b: VersionRange): VersionRange {
  const r = { min: Math.max(a.min, b.min), max: Math.min(a.max, b.max) };
  return isEmpty(r) ? NO_VERSIONS : r;
}

export function contains(r: VersionRange, v: number): boolean {
  return v >= r.min && v <= r.max;
}

export function sameRange(a: VersionRange, b: VersionRange): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  return a.min === b.min && a.max === b.max;
}

/**
 * A TypeScript condition on `version` that is true exactly for `r`, assuming the version is
 * already known to lie in `within`. Returns 'true' or 'false' when the answer is static.
 */
export function versionCondition(r: VersionRange, within: VersionRange, name = 'version'): string {
  const eff = intersect(r, within);
  if (isEmpty(eff)) return 'false';
  const parts: string[] = [];
  if (eff.min > within.min) parts.push(`${name} >= ${eff.min}`);
  if (eff.max < within.max) parts.push(`${name} <= ${eff.max}`);
  if (parts.length === 0) return 'true';
  return parts.join(' && ');
}

export function formatRange(r: VersionRange): string {
  if (isEmpty(r)) return 'none';
  if (r.max === Infinity) return `${r.min}+`;
  if (r.min === r.max) return `${r.min}`;
  return `${r.min}-${r.max}`;
}
