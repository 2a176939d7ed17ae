import { assert } from '../util/assert.js';
import type { ConfState, NodeId } from './messages.js';

/**
 * Membership changes, one server at a time (Raft thesis §4.1): consecutive configurations differ by
 * one member, so any two majorities of them overlap. A new member always joins as a non-voter,
 * catches up, and is then promoted; that keeps an empty log from counting toward commit.
 *
 * A change takes effect on each node when the node learns it is committed.
 */
export type ConfChangeType = 'add-non-voter' | 'promote' | 'remove';

export interface ConfChange {
  readonly type: ConfChangeType;
  readonly node: NodeId;
}

const TYPE_CODES: readonly ConfChangeType[] = ['add-non-voter', 'promote', 'remove'];

/** Layout: 1 byte type code, 4 bytes node id (big-endian). */
export const CONF_CHANGE_BYTES = 5;

export function encodeConfChange(cc: ConfChange): Uint8Array {
  const out = new Uint8Array(CONF_CHANGE_BYTES);
  out[0] = TYPE_CODES.indexOf(cc.type);
  new DataView(out.buffer).setUint32(1, cc.node);
  return out;
}

export function decodeConfChange(data: Uint8Array): ConfChange {
  assert(data.byteLength === CONF_CHANGE_BYTES, 'configuration entry of the wrong size');
  const type = TYPE_CODES[data[0]!];
  assert(type !== undefined, 'unknown configuration change type');
  return { type, node: new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(1) };
}

/** Why a change cannot apply to conf, or null when it can. */
export function confChangeError(conf: ConfState, cc: ConfChange): string | null {
  const isVoter = conf.voters.includes(cc.node);
  const isNonVoter = conf.nonVoters.includes(cc.node);
  switch (cc.type) {
    case 'add-non-voter':
      return isVoter || isNonVoter ? `node ${cc.node} is already a member` : null;
    case 'promote':
      return isNonVoter ? null : `node ${cc.node} is not a non-voter`;
    case 'remove':
      if (!isVoter && !isNonVoter) return `node ${cc.node} is not a member`;
      return isVoter && conf.voters.length === 1 ? 'cannot remove the last voter' : null;
  }
}

export function applyConfChange(conf: ConfState, cc: ConfChange): ConfState {
  const voters = conf.voters.filter((id) => id !== cc.node);
  const nonVoters = conf.nonVoters.filter((id) => id !== cc.node);
  if (cc.type === 'add-non-voter') nonVoters.push(cc.node);
  else if (cc.type === 'promote') voters.push(cc.node);
  voters.sort((a, b) => a - b);
  nonVoters.sort((a, b) => a - b);
  return { voters, nonVoters };
}
