import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { parseFsyncPolicy } from './fsync-policy.js';
import { defaultConfig, type BrokerConfig, type HostPort, type InitialVoter } from './defaults.js';
import { DEFAULT_LIMITS, checkLimitRelations, type Limits } from './limits.js';
import { ConfigError } from './errors.js';
import { TOPIC_CONFIG_BY_NAME, validateTopicConfigs } from './topic-configs.js';
import { didYouMean } from '../util/did-you-mean.js';

/**
 * Builds the BrokerConfig from, in increasing precedence: defaults, the config file (YAML or JSON;
 * path from --config or CANOPY_CONFIG), CANOPY_* environment variables, command-line flags.
 * Unknown keys and wrong types are refused with a ConfigError naming the field and its source.
 */
type FieldType = 'hostport' | 'hostport-or-null' | 'int' | 'bool' | 'string' | 'fsync' | 'choice' | 'topic-configs' | 'limits' | 'limit' | 'string-or-null' | 'string-list' | 'voters' | 'hostport-list';

interface FieldDef {
  key: keyof BrokerConfig;
  type: FieldType;
  /** For type 'limit': the one bound (under `limits` in the file) this flag and variable set. */
  limit?: keyof Limits;
  flag: string;
  env: string;
  min?: number;
  max?: number;
  /** For type 'choice': the accepted values. */
  choices?: readonly string[];
  doc: string;
}

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
const LOG_FORMATS = ['auto', 'pretty', 'json'] as const;

/** The configuration reference: README's table is this list. */
export const CONFIG_FIELDS: readonly FieldDef[] = [
  { key: 'listen', type: 'hostport', flag: '--listen', env: 'CANOPY_LISTEN', doc: 'Kafka listener HOST:PORT (port 0 picks a free one). Default 127.0.0.1:9092.' },
  { key: 'dataDir', type: 'string', flag: '--data-dir', env: 'CANOPY_DATA_DIR', doc: 'Where topics, partitions and node state live. Default ./data.' },
  { key: 'adminListen', type: 'hostport-or-null', flag: '--admin-listen', env: 'CANOPY_ADMIN_LISTEN', doc: 'Admin HTTP listener HOST:PORT (/healthz, /readyz, /metrics, /v1 JSON API, /openapi.json); "off" disables it. Default 127.0.0.1:9644.' },
  { key: 'adminAllowedHosts', type: 'string-list', flag: '--admin-allowed-hosts', env: 'CANOPY_ADMIN_ALLOWED_HOSTS', doc: 'Comma-separated Host names ("name" or "name:port") the admin API answers besides its listener\'s own addresses (and localhost on loopback); other Host headers get 403. Default none.' },
  { key: 'processMetrics', type: 'bool', flag: '--process-metrics', env: 'CANOPY_PROCESS_METRICS', doc: 'Export process/Node.js runtime metrics (CPU, memory, fds, GC, heap) on /metrics. Default true.' },
  { key: 'advertisedListener', type: 'hostport-or-null', flag: '--advertised-listener', env: 'CANOPY_ADVERTISED_LISTENER', doc: 'HOST:PORT clients are told to connect to. Default: the bound address.' },
  { key: 'internalListen', type: 'hostport-or-null', flag: '--internal-listen', env: 'CANOPY_INTERNAL_LISTEN', doc: 'Internal listener HOST:PORT (Canopy\'s own protocol): Raft traffic between the nodes of a cluster (required with initialVoters), and on a single node learners pulling with LearnerFetch. "off" or unset: none. Default off.' },
  { key: 'role', type: 'choice', choices: ['root', 'learner'], flag: '--role', env: 'CANOPY_ROLE', doc: 'root (takes produce) or learner (a read-only copy pulled from --upstream; Produce is refused). Default root.' },
  { key: 'upstream', type: 'hostport-list', flag: '--upstream', env: 'CANOPY_UPSTREAM', doc: 'For a learner: the upstream\'s internal listener HOST:PORT, then fallbacks, comma-separated, tried in order. Required with --role learner.' },
  { key: 'learnerTopics', type: 'string-list', flag: '--learner-topics', env: 'CANOPY_LEARNER_TOPICS', doc: 'For a learner: the topics to copy, comma-separated. Default: every topic the upstream holds.' },
  { key: 'learnerName', type: 'string-or-null', flag: '--learner-name', env: 'CANOPY_LEARNER_NAME', doc: 'For a learner: its name in LearnerFetch, which the root\'s tree config names. Default learner-<nodeId>.' },
  { key: 'treeConfig', type: 'string-or-null', flag: '--tree', env: 'CANOPY_TREE_CONFIG', doc: 'For a single-node root: a tree config file (YAML or JSON) giving each learner its edge filter; learners it does not name are refused. Default none: every learner copies everything.' },
  { key: 'nodeId', type: 'int', flag: '--node-id', env: 'CANOPY_NODE_ID', min: 0, max: 2147483647, doc: 'This node\'s id in Metadata. Default 0. Recorded in the data dir on first start; a later start with another id is refused.' },
  { key: 'clusterId', type: 'string-or-null', flag: '--cluster-id', env: 'CANOPY_CLUSTER_ID', doc: 'Cluster id; generated once and kept in the data dir when unset.' },
  { key: 'autoCreateTopics', type: 'bool', flag: '--auto-create-topics', env: 'CANOPY_AUTO_CREATE_TOPICS', doc: 'Create unknown topics on Metadata/Produce. Default true.' },
  { key: 'defaultPartitions', type: 'int', flag: '--default-partitions', env: 'CANOPY_DEFAULT_PARTITIONS', min: 1, max: DEFAULT_LIMITS.partitionsPerTopicMax, doc: 'Partitions of auto-created topics (and CreateTopics with -1). Default 1.' },
  { key: 'fsync', type: 'fsync', flag: '--fsync', env: 'CANOPY_FSYNC', doc: 'always (acks after fsync), never, or interval:<ms>. Default always.' },
  { key: 'logLevel', type: 'choice', choices: LOG_LEVELS, flag: '--log-level', env: 'CANOPY_LOG_LEVEL', doc: 'trace, debug, info, warn, error, fatal or silent. Default info.' },
  { key: 'logFormat', type: 'choice', choices: LOG_FORMATS, flag: '--log-format', env: 'CANOPY_LOG_FORMAT', doc: 'pretty (one readable line per event), json (one JSON object per line: `level` name, ISO `time`, `msg`), or auto: pretty when stdout is a terminal, else json. Default auto.' },
  { key: 'groupInitialRebalanceDelayMs', type: 'int', flag: '--group-initial-rebalance-delay-ms', env: 'CANOPY_GROUP_INITIAL_REBALANCE_DELAY_MS', min: 0, max: 300000, doc: 'How long a new consumer group waits for more members before its first rebalance. Default 3000.' },
  { key: 'offsetsTopicPartitions', type: 'int', flag: '--offsets-topic-partitions', env: 'CANOPY_OFFSETS_TOPIC_PARTITIONS', min: 1, max: 1000, doc: 'Partitions of __consumer_offsets when first created (later changes are ignored). Default 8.' },
  { key: 'offsetsRetentionMinutes', type: 'int', flag: '--offsets-retention-minutes', env: 'CANOPY_OFFSETS_RETENTION_MINUTES', min: 1, max: 2147483647, doc: 'Committed offsets of a group left empty are deleted after this. Default 10080 (7 days).' },
  { key: 'retentionCheckIntervalMs', type: 'int', flag: '--retention-check-interval-ms', env: 'CANOPY_RETENTION_CHECK_INTERVAL_MS', min: 0, max: 2147483647, doc: 'How often segments past each topic\'s retention.bytes/retention.ms are deleted; 0 disables it. Default 300000.' },
  { key: 'initialVoters', type: 'voters', flag: '--initial-voters', env: 'CANOPY_INITIAL_VOTERS', doc: 'Cluster mode: the metadata group\'s voters as comma-separated ID@HOST:PORT (Kafka node id @ internal listener), this node included; needs clusterId and internalListen. Default none: a single node.' },
  { key: 'rack', type: 'string-or-null', flag: '--rack', env: 'CANOPY_RACK', doc: 'This node\'s rack, registered in the cluster metadata. Default none.' },
  { key: 'topicDefaults', type: 'topic-configs', flag: '', env: '', doc: 'Broker-wide defaults for topic configs, e.g. {"retention.ms": "86400000"} (file only).' },
  { key: 'limits', type: 'limits', flag: '', env: '', doc: 'Overrides of config/limits.ts bounds, e.g. {frameBytesMax: 104857600} (file only, except the limits below).' },
  { key: 'limits', limit: 'connectionsPerAddressMax', type: 'limit', flag: '--connections-per-address-max', env: 'CANOPY_CONNECTIONS_PER_ADDRESS_MAX', min: 1, max: 2147483647, doc: `Open Kafka connections from one client IP address; more are closed at accept. Default ${DEFAULT_LIMITS.connectionsPerAddressMax}.` },
];

/**
 * CANOPY_* variables that are not broker settings but are read elsewhere: the config file's path,
 * the CLI's admin URL, and knobs of the test helpers, benchmarks and fuzz test (a broker spawned
 * by a test inherits them). Any other CANOPY_* variable is refused as a likely typo.
 */
const OTHER_CANOPY_VARIABLES = ['CANOPY_CONFIG', 'CANOPY_ADMIN_URL', 'CANOPY_BOOTSTRAP', 'CANOPY_TEST_RUNTIME', 'CANOPY_FUZZ_SEED', 'CANOPY_BENCH_DIR', 'CANOPY_BENCH_ROUNDS', 'CANOPY_BENCH_APPEND_ONLY', 'CANOPY_PROFILE_NULL_WRITES'];

export interface LoadOptions {
  argv: string[];
  env: Record<string, string | undefined>;
}

export interface LoadedConfig {
  config: BrokerConfig;
  /** The config file used, if any. */
  configFile: string | null;
}

export function loadConfig(options: LoadOptions): LoadedConfig {
  const flags = parseFlags(options.argv);
  checkEnvNames(options.env);
  const config = defaultConfig();
  const configFile = flags.values.get('--config') ?? options.env.CANOPY_CONFIG ?? null;
  if (configFile) applyFile(config, configFile);
  for (const field of CONFIG_FIELDS) {
    const value = field.env ? options.env[field.env] : undefined;
    if (value !== undefined && value !== '') setField(config, field, value, `environment variable ${field.env}`);
  }
  for (const field of CONFIG_FIELDS) {
    const value = field.flag ? flags.values.get(field.flag) : undefined;
    if (value !== undefined) setField(config, field, value, `flag ${field.flag}`);
  }
  checkClusterSettings(config);
  if (config.role === 'learner' && config.upstream.length === 0) {
    throw new ConfigError('CANOPY_ERR_CONFIG_FIELD', 'upstream: role is learner, so upstream (--upstream / CANOPY_UPSTREAM) must name at least one HOST:PORT');
  }
  if (config.role === 'learner' && config.initialVoters !== null) {
    throw new ConfigError('CANOPY_ERR_CONFIG_FIELD', 'initialVoters: a learner is not a voter; learners of a cluster are not supported yet (drop --initial-voters or --role learner)');
  }
  // Only a single-node root serves learners today; a tree config elsewhere would be silently unused.
  if (config.treeConfig !== null && (config.role === 'learner' || config.initialVoters !== null)) {
    throw new ConfigError('CANOPY_ERR_CONFIG_FIELD', 'treeConfig: only a single-node root applies a tree config (drop --tree, or --role learner / --initial-voters)');
  }
  const problems = checkLimitRelations(config.limits);
  if (problems.length > 0) throw new ConfigError('CANOPY_ERR_CONFIG_LIMITS', `${problems.join('; ')}${configFile ? ` (in ${configFile})` : ''}`);
  return { config, configFile };
}

/** Refuses a CANOPY_* variable that nothing reads, which would otherwise be ignored silently. */
function checkEnvNames(env: Record<string, string | undefined>): void {
  const known = new Set([...OTHER_CANOPY_VARIABLES, ...CONFIG_FIELDS.map((f) => f.env).filter(Boolean)]);
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith('CANOPY_') || value === undefined || known.has(name)) continue;
    throw new ConfigError('CANOPY_ERR_CONFIG_UNKNOWN_KEY', `unknown environment variable ${name}${didYouMean(name, known)} (known: ${[...known].sort().join(', ')})`);
  }
}

/** Flags only: a positional argument (`canopy start 9093`, `listen 127.0.0.1:9093`) is refused. */
function parseFlags(argv: string[]): { values: Map<string, string> } {
  const known = new Set(['--config', ...CONFIG_FIELDS.map((f) => f.flag).filter(Boolean)]);
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      throw new ConfigError('CANOPY_ERR_CONFIG_FLAG', `unexpected argument ${JSON.stringify(arg)}: only flags are accepted${didYouMean(`--${arg.replace(/^-+/, '')}`, known)}`);
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    if (!known.has(name)) throw new ConfigError('CANOPY_ERR_CONFIG_FLAG', `unknown flag ${name}${didYouMean(name, known)} (known: ${[...known].sort().join(', ')})`);
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new ConfigError('CANOPY_ERR_CONFIG_FLAG', `flag ${name} needs a value`);
      i++;
    }
    values.set(name, value);
  }
  return { values };
}

function applyFile(config: BrokerConfig, path: string): void {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError('CANOPY_ERR_CONFIG_FILE', `cannot read config file ${path}: ${(err as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new ConfigError('CANOPY_ERR_CONFIG_FILE', `cannot parse config file ${path}: ${(err as Error).message}`);
  }
  if (doc === null || doc === undefined) return; // an empty file sets nothing
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new ConfigError('CANOPY_ERR_CONFIG_FILE', `config file ${path} must hold a mapping of keys to values`);
  const byKey = new Map(CONFIG_FIELDS.filter((f) => f.type !== 'limit').map((f) => [f.key as string, f]));
  for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
    const field = byKey.get(key);
    if (!field) throw new ConfigError('CANOPY_ERR_CONFIG_UNKNOWN_KEY', `unknown key "${key}" in ${path}${didYouMean(key, byKey.keys())} (known: ${[...byKey.keys()].join(', ')})`);
    setField(config, field, value, path);
  }
}

/**
 * Cluster mode's settings agree with each other: this node is one of the initial voters, at its own
 * internal listener, and the cluster id is set (nodes that generated their own would refuse each other).
 */
function checkClusterSettings(config: BrokerConfig): void {
  const voters = config.initialVoters;
  if (voters === null) return;
  const self = voters.find((v) => v.nodeId === config.nodeId);
  if (self === undefined) {
    throw new ConfigError('CANOPY_ERR_CONFIG_FIELD', `initialVoters: this node's id ${config.nodeId} (nodeId) is not among the voters ${voters.map((v) => v.nodeId).join(', ')}`);
  }
  const internal = config.internalListen;
  if (internal === null) throw new ConfigError('CANOPY_ERR_CONFIG_FIELD', 'internalListen: required with initialVoters (--internal-listen HOST:PORT)');
  if (internal.host !== self.host || internal.port !== self.port) {
    throw new ConfigError('CANOPY_ERR_CONFIG_FIELD', `initialVoters: node ${self.nodeId}'s address ${self.host}:${self.port} differs from internalListen ${internal.host}:${internal.port}`);
  }
  if (config.clusterId === null) throw new ConfigError('CANOPY_ERR_CONFIG_FIELD', 'clusterId: required with initialVoters (--cluster-id; the same on every node)');
}

/** Parses "ID@HOST:PORT,..." (or a list of such strings in the file). */
function parseVoters(value: unknown, field: FieldDef, source: string): InitialVoter[] {
  const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : null;
  if (items === null || items.some((i) => typeof i !== 'string')) throw fieldError(field, source, `expected ID@HOST:PORT,... got ${JSON.stringify(value)}`);
  const voters: InitialVoter[] = [];
  for (const item of (items as string[]).map((i) => i.trim()).filter((i) => i !== '')) {
    const at = item.indexOf('@');
    const id = at > 0 ? item.slice(0, at) : '';
    if (!/^\d{1,10}$/.test(id) || Number(id) > 2147483647) throw fieldError(field, source, `${JSON.stringify(item)}: expected ID@HOST:PORT with a node id in [0, 2147483647]`);
    const address = parseHostPort(item.slice(at + 1), field, source);
    if (address.port === 0) throw fieldError(field, source, `${JSON.stringify(item)}: port 0 is not an address a peer can dial`);
    const nodeId = Number(id);
    if (voters.some((v) => v.nodeId === nodeId)) throw fieldError(field, source, `node id ${nodeId} appears twice`);
    if (voters.some((v) => v.host === address.host && v.port === address.port)) throw fieldError(field, source, `address ${address.host}:${address.port} appears twice`);
    voters.push({ nodeId, ...address });
  }
  if (voters.length === 0) throw fieldError(field, source, 'expected at least one ID@HOST:PORT');
  return voters;
}

function fieldError(field: FieldDef, source: string, problem: string): ConfigError {
  return new ConfigError('CANOPY_ERR_CONFIG_FIELD', `${fieldName(field)} (${source}): ${problem}`);
}

/** The name a reader looks for: the file key, or `limits.<name>` for one bound. */
export function fieldName(field: FieldDef): string {
  return field.limit === undefined ? field.key : `${field.key}.${field.limit}`;
}

/** `value` is a string from env/flags, or any JSON/YAML value from the file. */
function setField(config: BrokerConfig, field: FieldDef, value: unknown, source: string): void {
  const target = config as unknown as Record<string, unknown>;
  switch (field.type) {
    case 'hostport':
      target[field.key] = parseHostPort(value, field, source);
      return;
    case 'hostport-or-null':
      target[field.key] = value === null || value === '' || value === 'off' ? null : parseHostPort(value, field, source);
      return;
    case 'hostport-list': {
      const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : null;
      if (items === null) throw fieldError(field, source, `expected a list of HOST:PORT (comma-separated in a flag or variable), got ${JSON.stringify(value)}`);
      target[field.key] = items.filter((i) => typeof i !== 'string' || i.trim() !== '').map((i) => parseHostPort(i, field, source));
      return;
    }
    case 'string':
      if (typeof value !== 'string' || value === '') throw fieldError(field, source, `expected a non-empty string, got ${JSON.stringify(value)}`);
      target[field.key] = value;
      return;
    case 'string-list': {
      const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : null;
      if (items === null || items.some((i) => typeof i !== 'string')) throw fieldError(field, source, `expected a list of names (comma-separated in a flag or variable), got ${JSON.stringify(value)}`);
      const names = (items as string[]).map((i) => i.trim()).filter((i) => i !== '');
      const bad = names.find((n) => !/^[A-Za-z0-9.\-_\[\]:]+$/.test(n));
      if (bad !== undefined) throw fieldError(field, source, `${JSON.stringify(bad)} is not a host name or name:port`);
      target[field.key] = names;
      return;
    }
    case 'voters':
      target[field.key] = value === null || value === '' ? null : parseVoters(value, field, source);
      return;
    case 'string-or-null':
      if (value !== null && (typeof value !== 'string' || value === '')) throw fieldError(field, source, `expected a non-empty string, got ${JSON.stringify(value)}`);
      target[field.key] = value;
      return;
    case 'limit':
      config.limits = { ...config.limits, [field.limit!]: parseInteger(value, field.min ?? 0, field.max ?? Number.MAX_SAFE_INTEGER, (p) => fieldError(field, source, p)) };
      return;
    case 'int':
      target[field.key] = parseInteger(value, field.min ?? 0, field.max ?? Number.MAX_SAFE_INTEGER, (p) => fieldError(field, source, p));
      return;
    case 'bool':
      if (typeof value === 'boolean') target[field.key] = value;
      else if (value === 'true' || value === 'false') target[field.key] = value === 'true';
      else throw fieldError(field, source, `expected true or false, got ${JSON.stringify(value)}`);
      return;
    case 'fsync':
      if (typeof value !== 'string') throw fieldError(field, source, `expected a string, got ${JSON.stringify(value)}`);
      try {
        parseFsyncPolicy(value);
      } catch (err) {
        throw fieldError(field, source, (err as Error).message);
      }
      target[field.key] = value;
      return;
    case 'choice':
      if (typeof value !== 'string' || !field.choices!.includes(value)) throw fieldError(field, source, `expected one of ${field.choices!.join(', ')}, got ${JSON.stringify(value)}${typeof value === 'string' ? didYouMean(value, field.choices!) : ''}`);
      target[field.key] = value;
      return;
    case 'topic-configs': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw fieldError(field, source, 'expected a mapping of topic config names to values');
      const map: Record<string, string> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw fieldError(field, source, `${k}: expected a scalar value`);
        map[k] = String(v);
      }
      // Checked here, against the same definitions CreateTopics uses, so a typo or a bad value
      // stops start-up naming the key instead of failing later inside the broker.
      for (const [k, problem] of validateTopicConfigs(map)) {
        if (!TOPIC_CONFIG_BY_NAME.has(k)) throw new ConfigError('CANOPY_ERR_CONFIG_UNKNOWN_KEY', `unknown key "${field.key}.${k}" in ${source}${didYouMean(k, TOPIC_CONFIG_BY_NAME.keys())} (known: ${[...TOPIC_CONFIG_BY_NAME.keys()].join(', ')})`);
        throw new ConfigError('CANOPY_ERR_CONFIG_FIELD', `${field.key}.${k} (${source}): ${problem}, got ${JSON.stringify(map[k])}`);
      }
      target[field.key] = map;
      return;
    }
    case 'limits': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw fieldError(field, source, 'expected a mapping of limit names to numbers');
      const limits: Limits = { ...config.limits };
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (!Object.hasOwn(DEFAULT_LIMITS, k)) throw new ConfigError('CANOPY_ERR_CONFIG_UNKNOWN_KEY', `unknown key "limits.${k}" in ${source}${didYouMean(k, Object.keys(DEFAULT_LIMITS))} (known: ${Object.keys(DEFAULT_LIMITS).join(', ')})`);
        (limits as unknown as Record<string, number>)[k] = parseInteger(v, 0, Number.MAX_SAFE_INTEGER, (p) => new ConfigError('CANOPY_ERR_CONFIG_FIELD', `limits.${k} (${source}): ${p}`));
      }
      config.limits = limits;
      return;
    }
  }
}

function parseInteger(value: unknown, min: number, max: number, error: (problem: string) => ConfigError): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n)) throw error(`expected an integer, got ${JSON.stringify(value)}`);
  if (n < min || n > max) throw error(`${n} is outside [${min}, ${max}]`);
  return n;
}

/** Parses "HOST:PORT" ("[::1]:9092" for IPv6). */
export function parseHostPort(value: unknown, field: FieldDef, source: string): HostPort {
  if (typeof value !== 'string') throw fieldError(field, source, `expected HOST:PORT, got ${JSON.stringify(value)}`);
  const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(value.trim());
  const port = m ? Number(m[3]) : NaN;
  if (!m || port > 65535) throw fieldError(field, source, `expected HOST:PORT, got ${JSON.stringify(value)}`);
  return { host: (m[1] ?? m[2])!, port };
}
