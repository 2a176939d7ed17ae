/**
 * The hook where an upstream applies a learner edge's compiled filter to the committed batches it
 * sends (DESIGN.md "The learner tree, precisely": filters run upstream, offsets kept). Edge filters
 * are not built yet (src/tree/filter/, issue #11 item 2), so every edge gets the identity: a learner
 * receives the upstream's batches byte for byte.
 */
export interface UpstreamEdgeFilter {
  /** The batches (journal byte ranges) of `topic`-`partition` to send instead of `batches`. */
  apply(topic: string, partition: number, batches: readonly Buffer[]): readonly Buffer[];
}

export const IDENTITY_EDGE_FILTER: UpstreamEdgeFilter = {
  apply: (_topic, _partition, batches) => batches,
};

/** The filter of the edge to `learnerName`: the identity until edge filters exist. */
export function upstreamEdgeFilterFor(_learnerName: string): UpstreamEdgeFilter {
  return IDENTITY_EDGE_FILTER;
}
