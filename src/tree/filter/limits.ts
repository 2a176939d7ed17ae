/**
 * Bounds on one edge filter, so a filter read from a tree config costs bounded memory to compile
 * and bounded work per record. A filter past one is refused with the field that broke it.
 */
export interface FilterLimits {
  /** Predicate nodes (and/or/not and leaves) in one filter. */
  nodesMax: number;
  /** Nesting of and/or/not. */
  depthMax: number;
  /** Items in one list (topics, partitions, `in` sets, header and JSON-field lists). */
  listItemsMax: number;
  /** Length of one string (a key, a prefix, a header value, a path, a regular expression). */
  stringBytesMax: number;
  /** Segments of a dotted JSON path. */
  pathSegmentsMax: number;
}

export const DEFAULT_FILTER_LIMITS: Readonly<FilterLimits> = Object.freeze({
  nodesMax: 256,
  depthMax: 16,
  listItemsMax: 10_000,
  stringBytesMax: 1024,
  pathSegmentsMax: 16,
});
