/** What truncation and retention work on: the partition's segments, state files and roller. */
import type { FileLayer } from './file-layer.js';
import type { JournalLogger } from './journal-logger.js';
import type { SegmentList } from './segment-list.js';
import type { SegmentRoller } from './segment-roll.js';
import type { StateFiles } from './state-files.js';

export interface TrimContext {
  dir: string; fs: FileLayer; segments: SegmentList; state: StateFiles; roller: SegmentRoller;
  logger: JournalLogger; clock: () => number;
}
