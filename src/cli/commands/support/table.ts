/**
 * Plain-text tables for people: left-aligned text, right-aligned numbers, two spaces between
 * columns, a header row in capitals. Scripts use --json instead.
 */
export type Cell = string | number | null | undefined;

export function table(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const text = rows.map((row) => row.map((c) => (c === null || c === undefined ? '-' : String(c))));
  // A column is numeric (right-aligned) when it holds at least one number and nothing but numbers or blanks.
  const numeric = headers.map((_, i) => rows.some((r) => typeof r[i] === 'number')
    && rows.every((r) => typeof r[i] === 'number' || r[i] === null || r[i] === undefined));
  const widths = headers.map((h, i) => Math.max(h.length, ...text.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(headers.map((h) => h.toUpperCase())), ...text.map(line)].join('\n');
}

/** "key: value" lines with the keys aligned, for a single object's header. */
export function keyValues(pairs: readonly (readonly [string, Cell])[]): string {
  const width = Math.max(...pairs.map(([k]) => k.length));
  return pairs.map(([k, v]) => `${`${k}:`.padEnd(width + 1)} ${v === null || v === undefined ? '-' : v}`).join('\n');
}

const byteUnits = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

export function humanBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < byteUnits.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${byteUnits[unit]}`;
}
