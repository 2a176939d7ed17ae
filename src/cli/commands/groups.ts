import { integerOption } from './support/args.js';
import { runGroup, type Subcommand } from './support/dispatch.js';
import { CliError, EXIT_USAGE, stdio, type CliIo } from './support/io.js';
import { keyValues, table } from './support/table.js';

interface GroupSummary { groupId: string; state: string; protocolType: string; members: number }
interface GroupDescription {
  groupId: string; state: string; protocolType: string; protocol: string; totalLag: number;
  members: { memberId: string; clientId: string; clientHost: string; assignments: { topic: string; partitions: number[] }[] }[];
  offsets: { topic: string; partition: number; committedOffset: number | null; highWatermark: number | null; lag: number | null; memberId: string | null }[];
}
interface ResetResult { groupId: string; dryRun: boolean; partitions: { topic: string; partition: number; previousOffset: number | null; newOffset: number }[] }

/** `groups describe --watch` refreshes this often unless --interval says. */
const watchIntervalSecondsDefault = 2;

const groupPath = (id: string) => `/v1/groups/${encodeURIComponent(id)}`;

function describeText(d: GroupDescription): string {
  return [
    keyValues([['Group', d.groupId], ['State', d.state], ['Protocol', `${d.protocolType || '-'}/${d.protocol || '-'}`], ['Members', d.members.length], ['Total lag', d.totalLag]]),
    '',
    d.offsets.length === 0 ? 'No committed or assigned partitions.' : table(['topic', 'partition', 'committed', 'high watermark', 'lag', 'member'],
      d.offsets.map((o) => [o.topic, o.partition, o.committedOffset, o.highWatermark, o.lag, o.memberId])),
    '',
    d.members.length === 0 ? 'No active members.' : table(['member', 'client id', 'host', 'assignment'],
      d.members.map((m) => [m.memberId, m.clientId, m.clientHost, m.assignments.map((a) => `${a.topic}:${a.partitions.join(',')}`).join(' ')])),
  ].join('\n');
}

/** The one reset target the flags name; zero or several is a usage error. */
function resetBody(values: Record<string, unknown>): Record<string, unknown> {
  const targets: Record<string, unknown>[] = [];
  if (values['to-earliest'] === true) targets.push({ to: 'earliest' });
  if (values['to-latest'] === true) targets.push({ to: 'latest' });
  const offset = integerOption(values['to-offset'] as string | undefined, '--to-offset');
  if (offset !== undefined) targets.push({ to: 'offset', offset });
  const timestamp = integerOption(values['to-timestamp'] as string | undefined, '--to-timestamp');
  if (timestamp !== undefined) targets.push({ to: 'timestamp', timestampMs: timestamp });
  const datetime = values['to-datetime'] as string | undefined;
  if (datetime !== undefined) {
    const ms = Date.parse(datetime);
    if (Number.isNaN(ms) || ms < 0) throw new CliError(`--to-datetime expects an ISO-8601 date-time, got "${datetime}"`, EXIT_USAGE);
    targets.push({ to: 'timestamp', timestampMs: ms });
  }
  if (targets.length !== 1) {
    throw new CliError('give exactly one of --to-earliest, --to-latest, --to-offset N, --to-timestamp MS, --to-datetime ISO', EXIT_USAGE);
  }
  return targets[0]!;
}

function partitionList(text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  return text.split(',').map((p) => integerOption(p.trim(), '--partitions')!);
}

export const subcommands: Record<string, Subcommand> = {
  list: {
    summary: 'List consumer groups with state and member count',
    usage: '', help: [], options: {}, positionals: [],
    async run({ client, io, json }) {
      const { groups } = await client.request<{ groups: GroupSummary[] }>('GET', '/v1/groups');
      if (json) return io.out(JSON.stringify(groups, null, 2));
      if (groups.length === 0) return io.out('No consumer groups.');
      io.out(table(['group', 'state', 'members', 'protocol type'], groups.map((g) => [g.groupId, g.state, g.members, g.protocolType])));
    },
  },
  describe: {
    summary: 'Show state, members, assignments, committed offsets and lag of a group (or --all), once or --watch',
    usage: '(GROUP | --all) [--watch [--interval S] [--count N]]',
    help: [
      ['--all', 'every group'],
      ['-w, --watch', 'print again every --interval seconds until Ctrl-C (or --count refreshes)'],
      ['--interval S', `seconds between refreshes (default ${watchIntervalSecondsDefault})`],
      ['--count N', 'with --watch: stop after N refreshes'],
    ],
    options: {
      all: { type: 'boolean', default: false }, watch: { type: 'boolean', short: 'w', default: false },
      interval: { type: 'string' }, count: { type: 'string' },
    },
    positionals: [], optionalPositionals: ['GROUP'],
    async run({ client, io, json, positionals, values }) {
      const all = values['all'] === true;
      if (all === (positionals[0] !== undefined)) throw new CliError('give a GROUP or --all (not both)', EXIT_USAGE);
      const intervalSeconds = integerOption(values['interval'] as string | undefined, '--interval', 1) ?? watchIntervalSecondsDefault;
      const count = integerOption(values['count'] as string | undefined, '--count', 1);
      const watch = values['watch'] === true;
      if (!watch && (values['interval'] !== undefined || count !== undefined)) throw new CliError('--interval and --count go with --watch', EXIT_USAGE);
      const describeNow = async (): Promise<GroupDescription[]> => {
        if (!all) return [await client.request<GroupDescription>('GET', groupPath(positionals[0]!))];
        const { groups } = await client.request<{ groups: GroupSummary[] }>('GET', '/v1/groups');
        return Promise.all(groups.map((g) => client.request<GroupDescription>('GET', groupPath(g.groupId))));
      };
      for (let refresh = 1; ; refresh++) {
        const descriptions = await describeNow();
        // Watching under --json prints one compact document per refresh (JSON lines).
        const body = json ? JSON.stringify(all ? descriptions : descriptions[0], null, watch ? undefined : 2)
          : descriptions.length === 0 ? 'No consumer groups.' : descriptions.map(describeText).join('\n\n');
        if (watch && !json) io.out(`Every ${intervalSeconds}s (refresh ${refresh}${count === undefined ? '' : ` of ${count}`}), ${new Date().toISOString()}:`);
        io.out(watch && !json ? `${body}\n` : body);
        if (!watch || refresh === count) return;
        await new Promise((r) => setTimeout(r, intervalSeconds * 1000));
      }
    },
  },
  delete: {
    summary: 'Delete an empty group and its committed offsets',
    usage: 'GROUP', help: [], options: {}, positionals: ['GROUP'],
    async run({ client, io, json, positionals }) {
      const result = await client.request<{ deleted: string }>('DELETE', groupPath(positionals[0]!));
      io.out(json ? JSON.stringify(result) : `Deleted group ${result.deleted}.`);
    },
  },
  'reset-offsets': {
    summary: 'Plan moving an empty group\'s committed offsets; commit the plan only with --execute',
    usage: 'GROUP (--to-earliest | --to-latest | --to-offset N | --to-timestamp MS | --to-datetime ISO) [--topic T [--partitions 0,1]] [--dry-run | --execute]',
    help: [
      ['--to-earliest', 'the first retained offset'],
      ['--to-latest', 'the high watermark (skip everything not yet read)'],
      ['--to-offset N', 'offset N (clamped to the retained range)'],
      ['--to-timestamp MS', 'first offset with a timestamp at or after MS (epoch milliseconds)'],
      ['--to-datetime ISO', 'same, as an ISO-8601 date-time, e.g. 2026-11-22T00:00:00Z'],
      ['--topic T', 'only this topic (default: every topic the group committed)'],
      ['--partitions 0,1', 'only these partitions of --topic'],
      ['--dry-run', 'show the new offsets without committing them (the default)'],
      ['--execute', 'commit the new offsets'],
    ],
    options: {
      'to-earliest': { type: 'boolean' }, 'to-latest': { type: 'boolean' }, 'to-offset': { type: 'string' },
      'to-timestamp': { type: 'string' }, 'to-datetime': { type: 'string' }, topic: { type: 'string' },
      partitions: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, execute: { type: 'boolean', default: false },
    },
    positionals: ['GROUP'],
    async run({ client, io, json, positionals, values }) {
      const partitions = partitionList(values['partitions'] as string | undefined);
      const topic = values['topic'] as string | undefined;
      if (partitions !== undefined && topic === undefined) throw new CliError('--partitions needs --topic', EXIT_USAGE);
      if (values['dry-run'] === true && values['execute'] === true) throw new CliError('give --dry-run or --execute, not both', EXIT_USAGE);
      // As Kafka's kafka-consumer-groups --reset-offsets: a plan unless --execute says otherwise.
      const body = {
        ...resetBody(values), dryRun: values['execute'] !== true,
        ...(topic === undefined ? {} : { topic }), ...(partitions === undefined ? {} : { partitions }),
      };
      const result = await client.request<ResetResult>('POST', `${groupPath(positionals[0]!)}/offsets/reset`, body);
      if (json) return io.out(JSON.stringify(result, null, 2));
      io.out(table(['topic', 'partition', 'previous offset', 'new offset'],
        result.partitions.map((p) => [p.topic, p.partition, p.previousOffset, p.newOffset])));
      io.out(result.dryRun ? 'Plan only: nothing was committed (add --execute to commit it).' : `Committed ${result.partitions.length} offset(s) for group ${result.groupId}.`);
    },
  },
};

export const summary = 'list, describe, delete consumer groups and reset their offsets (via the admin API)';

/** `canopy groups …`; `io` defaults to the process's stdout/stderr/env. */
export function run(args: string[], io: CliIo = stdio()): Promise<number> {
  return runGroup('groups', 'inspect consumer groups, their lag, and reset their offsets', subcommands, args, io);
}
