/**
 * runProcess(command, args, { cwd, env, timeoutMs }): runs a command to its end and collects
 * its exit code and output. A command still running at timeoutMs is killed by PID (its own
 * process group when `group` is set, so a shell's children go too) and reported as timedOut,
 * never awaited forever.
 */
import { spawn } from 'node:child_process';

export interface ProcessRun { code: number | null; stdout: string; stderr: string; timedOut: boolean }

export interface RunProcessOptions {
  cwd: string;
  /** Added to the test's environment. */
  env?: Record<string, string>;
  timeoutMs: number;
  /** Start the command in a process group of its own and kill the group at the bound. */
  group?: boolean;
}

export function runProcess(command: string, args: string[], options: RunProcessOptions): Promise<ProcessRun> {
  return new Promise((resolveRun, rejectRun) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: options.group === true });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (c: Buffer) => void (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => void (stderr += c.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      process.kill(options.group === true ? -child.pid! : child.pid!, 'SIGKILL');
    }, options.timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      rejectRun(err);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolveRun({ code, stdout, stderr, timedOut });
    });
  });
}
