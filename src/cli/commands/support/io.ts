/**
 * What a CLI command touches of the outside world, passed in so tests can run commands in-process
 * and capture output. `main.ts` passes process.stdout/stderr/env.
 */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Output exactly as given (records in a user's --format), no newline added. */
  write(text: string): void;
  /** Records for `topics produce`; absent when the caller has none to give. */
  readonly stdin?: NodeJS.ReadableStream;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Exit codes: 0 ok, 1 the operation failed (broker said no, or is unreachable), 2 bad usage. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/**
 * A failure the command reports as one clear line and an exit code, never a stack trace. `code` is
 * the admin API's stable error code when it said no, else one of the CLI's own (see errorCode).
 */
export class CliError extends Error {
  readonly exitCode: number;
  readonly code: string | undefined;
  constructor(message: string, exitCode: number = EXIT_FAILED, code?: string) {
    super(message);
    this.exitCode = exitCode;
    this.code = code;
  }

  /** The code `--json` errors carry: the API's, or CANOPY_ERR_CLI_USAGE / CANOPY_ERR_CLI_FAILED. */
  get errorCode(): string {
    return this.code ?? (this.exitCode === EXIT_USAGE ? 'CANOPY_ERR_CLI_USAGE' : 'CANOPY_ERR_CLI_FAILED');
  }
}

export function stdio(): CliIo {
  return {
    out: (text) => { process.stdout.write(text.endsWith('\n') ? text : `${text}\n`); },
    err: (text) => { process.stderr.write(text.endsWith('\n') ? text : `${text}\n`); },
    write: (text) => { process.stdout.write(text); },
    stdin: process.stdin,
    env: process.env,
  };
}
