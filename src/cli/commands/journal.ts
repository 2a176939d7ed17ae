import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { DataDirLockedError, lockDataDir } from '../../broker/data-dir-lock.js';
import { repairPartitionLog, type RepairMode, type RepairStep } from '../../journal/repair.js';
import { PARTITIONS_DIR } from '../../replication/partition-manager.js';
import { integerOption } from './support/args.js';
import { runGroup, type Subcommand } from './support/dispatch.js';
import { CliError, EXIT_USAGE, stdio, type CliIo } from './support/io.js';

/** Folder under the data dir that receives every byte a repair takes out of a log. */
export const QUARANTINE_DIR = 'quarantine';

function describeStep(s: RepairStep): string {
  const removed = s.removedOffsets.to === null ? `offsets ${s.removedOffsets.from} and later` : `offsets ${s.removedOffsets.from}..${s.removedOffsets.to - 1}`;
  return [
    `damage in ${s.site.file} at byte ${s.site.position} (offset ${s.site.offset}): ${s.site.reason}`,
    `  removed ${removed}${s.resume === null ? ' (nothing valid followed)' : ''}`,
    ...s.quarantined.map((q) => `  quarantined ${q}`),
  ].join('\n');
}

export const subcommands: Record<string, Subcommand> = {
  repair: {
    summary: 'Repair a partition whose journal is damaged (offline: the broker must be stopped)',
    usage: '--data-dir DIR --topic NAME --partition N (--truncate-at-corruption | --quarantine)',
    help: [
      ['--data-dir DIR', 'the broker\'s data dir (locked while the repair runs)'],
      ['--topic NAME', 'topic of the partition'],
      ['--partition N', 'partition index'],
      ['--truncate-at-corruption', 'end the log at the first damaged byte; the rest moves to quarantine'],
      ['--quarantine', 'move only the damaged range to quarantine and keep the valid batches after it (an offset gap)'],
    ],
    options: {
      'data-dir': { type: 'string' }, topic: { type: 'string' }, partition: { type: 'string' },
      'truncate-at-corruption': { type: 'boolean', default: false }, quarantine: { type: 'boolean', default: false },
    },
    positionals: [],
    async run({ values, io, json }) {
      const dataDir = values['data-dir'] as string | undefined;
      const topic = values['topic'] as string | undefined;
      const partition = integerOption(values['partition'] as string | undefined, '--partition');
      if (dataDir === undefined || topic === undefined || partition === undefined) throw new CliError('--data-dir, --topic and --partition are required', EXIT_USAGE);
      const truncate = values['truncate-at-corruption'] === true, skip = values['quarantine'] === true;
      if (truncate === skip) throw new CliError('give exactly one of --truncate-at-corruption and --quarantine', EXIT_USAGE);
      const mode: RepairMode = truncate ? 'truncate' : 'skip';
      const name = `${topic}-${partition}`;
      const dir = join(dataDir, PARTITIONS_DIR, name);
      if (!(await access(dir).then(() => true, () => false))) throw new CliError(`no partition folder ${dir}`);
      let unlock: () => Promise<void>;
      try {
        unlock = await lockDataDir(dataDir);
      } catch (err) {
        throw new CliError(err instanceof DataDirLockedError ? `${err.message}; stop the broker first` : String(err));
      }
      try {
        const quarantineDir = join(dataDir, QUARANTINE_DIR, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}`);
        const steps = await repairPartitionLog(dir, quarantineDir, mode);
        if (json) return io.out(JSON.stringify({ partition: name, mode, quarantineDir: steps.length > 0 ? quarantineDir : null, steps }, null, 2));
        if (steps.length === 0) return io.out(`${name}: no damage found; nothing changed`);
        io.out([`${name}: repaired (${mode === 'truncate' ? 'truncated at the damage' : 'damaged ranges skipped'}); removed bytes are in ${quarantineDir}`, ...steps.map(describeStep)].join('\n'));
      } finally {
        await unlock();
      }
    },
  },
};

export const summary = 'offline journal tools (repair a damaged partition)';

/** `canopy journal …`; `io` defaults to the process's stdout/stderr/env. */
export function run(args: string[], io: CliIo = stdio()): Promise<number> {
  return runGroup('journal', 'offline journal tools (the broker must be stopped)', subcommands, args, io);
}
