/**
 * Where an upstream applies a learner edge's compiled filter to the committed batches it sends
 * (DESIGN.md "The learner tree, precisely": filters run upstream, offsets kept). A root started
 * with a tree config gives each learner it names that learner's filter, compiled once; a learner it
 * does not name is refused (it could otherwise copy everything the tree config meant to withhold).
 * With no tree config every edge is the identity.
 */
import { BATCH_HEADER_BYTES, batchTotalBytes } from '../protocol/records/batch-header.js';
import { applyFilterToBatch } from './filter/apply.js';
import { compileFilter, type CompiledFilter } from './filter/compile.js';
import type { TreeConfig } from './tree-config.js';

export interface UpstreamEdgeFilter {
  selectsTopic(topic: string): boolean;
  selectsPartition(partition: number): boolean;
  /** The batches (journal byte ranges, each one or more RecordBatches) to send instead of `batches`. */
  apply(batches: readonly Buffer[]): Promise<readonly Buffer[]>;
}

export const IDENTITY_EDGE_FILTER: UpstreamEdgeFilter = {
  selectsTopic: () => true,
  selectsPartition: () => true,
  apply: async (batches) => batches,
};

/** Learner name → its edge's filter; undefined for a learner the tree config does not name. */
export type EdgeFilterLookup = (learnerName: string) => UpstreamEdgeFilter | undefined;

/** Every learner gets everything: a root without a tree config. */
export const NO_TREE: EdgeFilterLookup = () => IDENTITY_EDGE_FILTER;

/** The edge filters of the learners whose upstream is this root, compiled once. */
export function edgeFiltersOf(tree: TreeConfig, decompressedBytesMax: number): EdgeFilterLookup {
  const byName = new Map<string, UpstreamEdgeFilter>();
  for (const learner of tree.learners) byName.set(learner.name, edgeFilter(compileFilter(learner.filter), decompressedBytesMax));
  return (name) => byName.get(name);
}

function edgeFilter(compiled: CompiledFilter, decompressedBytesMax: number): UpstreamEdgeFilter {
  return {
    selectsTopic: (topic) => compiled.selectsTopic(topic),
    selectsPartition: (partition) => compiled.selectsPartition(partition),
    async apply(ranges) {
      const out: Buffer[] = [];
      for (const range of ranges) {
        for (let pos = 0; pos + BATCH_HEADER_BYTES <= range.length;) {
          const end = pos + batchTotalBytes(range, pos);
          // A read may end inside a batch; its unfiltered bytes never cross, the learner asks again.
          if (end > range.length) break;
          out.push((await applyFilterToBatch(range.subarray(pos, end), compiled, { decompressedBytesMax })).batch);
          pos = end;
        }
      }
      return out;
    },
  };
}
