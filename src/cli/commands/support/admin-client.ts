import { CliError, EXIT_FAILED } from './io.js';

/** Where the CLI finds the admin API when neither --admin nor CANOPY_ADMIN_URL says. */
export const DEFAULT_ADMIN_URL = 'http://127.0.0.1:9644';
/** A CLI call waits this long for the admin API before giving up with a clear message. */
export const adminRequestTimeoutMs = 30_000;

/** --admin / CANOPY_ADMIN_URL as a base URL: a URL, or `host:port` (as rpk's --api-urls) meaning http. */
export function adminUrl(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): string {
  const given = flag ?? env['CANOPY_ADMIN_URL'] ?? DEFAULT_ADMIN_URL;
  // Without a scheme, "localhost:9644" would parse as the scheme "localhost:".
  const url = given.includes('://') ? given : `http://${given}`;
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.hostname === '') {
    throw new CliError(`--admin: "${given}" is not an http(s) URL or host:port (expected e.g. ${DEFAULT_ADMIN_URL} or 127.0.0.1:9644)`, 2);
  }
  return parsed.toString().replace(/\/$/, '');
}

/**
 * A thin JSON client for the admin API. Non-2xx answers become a CliError carrying the API's
 * stable error code and message; an unreachable broker becomes one line naming the URL.
 */
export class AdminClient {
  readonly baseUrl: string;
  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const init: RequestInit = { method, signal: AbortSignal.timeout(adminRequestTimeoutMs) };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { 'content-type': 'application/json' };
    }
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, init);
    } catch (err) {
      const inner = (err as { cause?: { code?: string; message?: string } }).cause;
      const cause = inner?.code ?? inner?.message ?? (err as Error).message;
      throw new CliError(`cannot reach the Canopy admin API at ${this.baseUrl} (${cause}); is the broker running? (set --admin or CANOPY_ADMIN_URL)`);
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      throw new CliError(`${method} ${path}: the admin API answered ${response.status} with a non-JSON body`);
    }
    if (!response.ok) {
      const error = (parsed as { error?: { code?: string; message?: string } } | null)?.error;
      throw new CliError(error ? `${error.message} (${error.code})` : `${method} ${path}: HTTP ${response.status}`, EXIT_FAILED, error?.code);
    }
    return parsed as T;
  }
}
