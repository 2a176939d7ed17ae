import type { NodeId } from './messages.js';

/** Votes needed among n voters. */
export function quorumSize(n: number): number {
  return (n >> 1) + 1;
}

/**
 * The largest value that a quorum of voters has reached (e.g. the index a majority has matched):
 * sort descending and take the quorum-th value.
 */
export function quorumValue(voters: readonly NodeId[], valueOf: (id: NodeId) => number): number {
  const n = voters.length;
  if (n === 0) return -Infinity;
  const values = new Array<number>(n);
  for (let i = 0; i < n; i++) values[i] = valueOf(voters[i]!);
  values.sort((a, b) => b - a);
  return values[quorumSize(n) - 1]!;
}

export type VoteResult = 'won' | 'lost' | 'pending';

/** Tallies votes (true = granted) among voters; votes from non-voters are ignored. */
export function voteResult(voters: readonly NodeId[], votes: ReadonlyMap<NodeId, boolean>): VoteResult {
  let granted = 0;
  let rejected = 0;
  for (const id of voters) {
    const v = votes.get(id);
    if (v === true) granted++;
    else if (v === false) rejected++;
  }
  const q = quorumSize(voters.length);
  if (granted >= q) return 'won';
  if (rejected > voters.length - q) return 'lost';
  return 'pending';
}
