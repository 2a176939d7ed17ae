/**
 * Running the `canopy` CLI in tests, two ways:
 *  - `runCli(args, env)`: the real thing, `node --import tsx src/cli/main.ts ...` as a child process
 *    (exit code, stdout, stderr); about a second each on a loaded 2-core machine, so tests use it
 *    for the main.ts wiring and exit codes;
 *  - `runCommand(run, args, env)`: a command module's `run(args, io)` in-process with captured
 *    output — the same code below main.ts's dispatch, at no process start-up cost.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { CliIo } from '../../src/cli/commands/support/io.js';

const repoRoot = resolve(import.meta.dirname, '../..');
/** Upper bound for one CLI process. */
export const cliRunMsMax = 60_000;

export interface CliResult { code: number | null; stdout: string; stderr: string }

/** `options.input` is written to the CLI's stdin (then closed); without it stdin is /dev/null. */
export function runCli(args: string[], env: Record<string, string> = {}, options: { input?: string } = {}): Promise<CliResult> {
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), ...args], {
      cwd: repoRoot, env: { ...process.env, ...env }, stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    if (options.input !== undefined) child.stdin!.end(options.input);
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); rej(new Error(`canopy ${args.join(' ')} ran longer than ${cliRunMsMax} ms`)); }, cliRunMsMax);
    child.stdout!.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', (e) => { clearTimeout(timer); rej(e); });
    child.on('close', (code) => { clearTimeout(timer); res({ code, stdout, stderr }); });
  });
}

export async function runCommand(
  run: (args: string[], io: CliIo) => Promise<number>, args: string[], env: Record<string, string | undefined> = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    out: (text) => { stdout += text.endsWith('\n') ? text : `${text}\n`; },
    write: (text) => { stdout += text; },
    err: (text) => { stderr += text.endsWith('\n') ? text : `${text}\n`; },
    env,
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

/** A CLI process left running (consume, --watch): its output so far, a signal by PID, its exit. */
export interface RunningCli {
  readonly pid: number;
  stdout(): string;
  /** Resolves once stdout matches, or rejects after `waitMsMax` with what was printed. */
  waitFor(pattern: RegExp, waitMsMax?: number): Promise<void>;
  readonly exited: Promise<CliResult>;
}

export function startCli(args: string[], env: Record<string, string> = {}): RunningCli {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), ...args], {
    cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
  const timer = setTimeout(() => child.kill('SIGKILL'), cliRunMsMax);
  const exited = new Promise<CliResult>((res) => child.on('close', (code) => { clearTimeout(timer); res({ code, stdout, stderr }); }));
  return {
    pid: child.pid!,
    stdout: () => stdout,
    async waitFor(pattern, waitMsMax = cliRunMsMax) {
      const deadline = Date.now() + waitMsMax;
      while (!pattern.test(stdout)) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`canopy ${args.join(' ')}: no ${pattern} in ${JSON.stringify(stdout)} (stderr ${JSON.stringify(stderr)})`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    exited,
  };
}
