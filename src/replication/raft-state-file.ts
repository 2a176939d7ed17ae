/**
 * The Raft hard state (term, vote, commit) and the log start it was left with (the snapshot
 * metadata: index, term, membership as of that index) of one partition replica: the file
 * `raft-state` in the partition folder, JSON, rewritten atomically (temp file, fsync, rename, fsync
 * of the folder: FileLayer.writeFileAtomic). Missing = a fresh replica.
 *
 *   {"v":1,"term":3,"vote":2,"commit":41,"snapshot":{"index":-1,"term":0,"voters":[1,2,3],"nonVoters":[]}}
 */
import { join } from 'node:path';
import type { FileLayer } from '../journal/file-layer.js';
import type { HardState, SnapshotMeta } from '../raft/messages.js';

export const RAFT_STATE_FILE = 'raft-state';
const VERSION = 1;

export interface RaftStateFile {
  hardState: HardState;
  snapshot: SnapshotMeta;
}

export function encodeRaftState(state: RaftStateFile): Buffer {
  const { hardState: hs, snapshot: s } = state;
  return Buffer.from(JSON.stringify({
    v: VERSION, term: hs.term, vote: hs.vote, commit: hs.commit,
    snapshot: { index: s.index, term: s.term, voters: s.confState.voters, nonVoters: s.confState.nonVoters },
  }) + '\n');
}

const isInt = (v: unknown, min: number): v is number => Number.isSafeInteger(v) && (v as number) >= min;
const isIds = (v: unknown): v is number[] => Array.isArray(v) && v.every((id) => isInt(id, 1));

/** The decoded file; throws an Error naming the file and the bad field (never guesses a term). */
export function decodeRaftState(bytes: Buffer, path: string): RaftStateFile {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new Error(`${path}: not JSON (${(err as Error).message})`);
  }
  const snap = (raw.snapshot ?? {}) as Record<string, unknown>;
  const bad = raw.v !== VERSION ? 'v' : !isInt(raw.term, 0) ? 'term' : !isInt(raw.vote, 0) ? 'vote'
    : !isInt(raw.commit, -1) ? 'commit' : !isInt(snap.index, -1) ? 'snapshot.index' : !isInt(snap.term, 0) ? 'snapshot.term'
    : !isIds(snap.voters) ? 'snapshot.voters' : !isIds(snap.nonVoters) ? 'snapshot.nonVoters' : null;
  if (bad !== null) throw new Error(`${path}: bad or missing field ${bad}`);
  return {
    hardState: { term: raw.term as number, vote: raw.vote as number, commit: raw.commit as number },
    snapshot: { index: snap.index as number, term: snap.term as number, confState: { voters: snap.voters as number[], nonVoters: snap.nonVoters as number[] } },
  };
}

export async function readRaftState(fs: FileLayer, dir: string): Promise<RaftStateFile | null> {
  const path = join(dir, RAFT_STATE_FILE);
  if (!(await fs.exists(path))) return null;
  return decodeRaftState(await fs.readFile(path), path);
}

export function writeRaftState(fs: FileLayer, dir: string, state: RaftStateFile): Promise<void> {
  return fs.writeFileAtomic(join(dir, RAFT_STATE_FILE), encodeRaftState(state));
}
