import { spawn } from 'node:child_process';

/** Upper bound for one promtool run; it reads a few KB from stdin. */
export const promtoolTimeoutMs = 20_000;

export interface PromtoolResult { code: number | null; stdout: string; stderr: string }

/** Runs Debian's `promtool check metrics` on an exposition (stdin), as an operator would. */
export function promtoolCheckMetrics(exposition: string): Promise<PromtoolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('promtool', ['check', 'metrics'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error('promtool timed out')); }, promtoolTimeoutMs);
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
    child.stdin.end(exposition);
  });
}
