import { pino, type DestinationStream, type Logger } from 'pino';

/** Fields every line has; the pretty format shows them first instead of as key=value pairs. */
const HEADER_FIELDS = new Set(['level', 'time', 'msg', 'node']);

export interface LogOutputOptions {
  level: string;
  /** 'auto' picks pretty when `isTerminal`, else json. */
  format: 'auto' | 'pretty' | 'json';
  nodeId: number;
  /** Whether stdout is a terminal (process.stdout.isTTY). */
  isTerminal: boolean;
}

/**
 * The broker's logger. JSON lines carry the level's name and an ISO time (what log shippers and
 * `jq` readers expect, not pino's numbers); pretty lines are the same events re-rendered for a
 * person at a terminal. Both are written synchronously to fd 1, so a `fatal` line logged just
 * before `process.exit` is not lost.
 */
export function createBrokerLogger(options: LogOutputOptions): Logger {
  const stdout = pino.destination({ dest: 1, sync: true });
  const pretty = options.format === 'pretty' || (options.format === 'auto' && options.isTerminal);
  const destination: DestinationStream = pretty ? { write: (line: string) => void stdout.write(prettyLine(line)) } : stdout;
  return pino({
    level: options.level,
    base: { node: options.nodeId },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  }, destination);
}

/**
 * One JSON log line as `2026-12-02T16:23:01.123Z INFO  canopy listening host=127.0.0.1 port=9092`;
 * an error's stack follows on indented lines. A line that is not JSON passes through unchanged.
 */
export function prettyLine(jsonLine: string): string {
  let event: Record<string, unknown>;
  try {
    event = JSON.parse(jsonLine) as Record<string, unknown>;
  } catch {
    return jsonLine;
  }
  const level = String(event.level ?? '').toUpperCase().padEnd(5);
  const fields: string[] = [];
  let stack = '';
  for (const [key, value] of Object.entries(event)) {
    if (HEADER_FIELDS.has(key)) continue;
    if (key === 'err' && typeof value === 'object' && value !== null) {
      const err = value as { message?: string; stack?: string };
      fields.push(`err=${JSON.stringify(err.message ?? '')}`);
      if (err.stack) stack = `\n${err.stack.split('\n').map((l) => `    ${l}`).join('\n')}`;
      continue;
    }
    fields.push(`${key}=${typeof value === 'string' && /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value)}`);
  }
  return `${String(event.time ?? '')} ${level} ${String(event.msg ?? '')}${fields.length > 0 ? ` ${fields.join(' ')}` : ''}${stack}\n`;
}
