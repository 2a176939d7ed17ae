import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { PartitionManager } from '../../src/replication/partition-manager.js';
import { partitionSettingsOf } from '../../src/cluster/partition-settings.js';
import { TopicStore } from '../../src/cluster/topic-store.js';
import { defaultConfig, type BrokerConfig } from '../../src/config/defaults.js';

/**
 * A topic store and a partition manager over a fresh temp data dir (real journal files), wired as
 * the broker wires them; closed and removed at teardown. `overrides.dataDir` reopens an existing
 * dir instead (its creator removes it).
 */
export async function partitionsOnDisk(t: { teardown(fn: () => unknown): void }, overrides: Partial<BrokerConfig> = {}) {
  const logger = pino({ level: 'silent' });
  const owned = overrides.dataDir === undefined;
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'canopy-partitions-'));
  const config = { ...defaultConfig(), ...overrides, dataDir };
  const topics = await TopicStore.open({ dataDir, limits: config.limits, logger });
  const partitions = new PartitionManager({ settingsOf: partitionSettingsOf, config, logger });
  await partitions.openAll(topics.list());
  topics.addListener(partitions);
  t.teardown(async () => {
    await partitions.closeAll();
    if (owned) rmSync(dataDir, { recursive: true, force: true });
  });
  return { topics, partitions, dataDir };
}
