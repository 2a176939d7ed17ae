import { spawn } from 'node:child_process';

/** Upper bound for one promtool run; it reads a few KB. */
export const promtoolTimeoutMs = 20_000;

export interface PromtoolResult { code: number | null; stdout: string; stderr: string }

/** Runs Debian's `promtool` with `args`, `stdin` written to it, as an operator would. */
function promtool(args: string[], stdin = ''): Promise<PromtoolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('promtool', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error('promtool timed out')); }, promtoolTimeoutMs);
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
    child.stdin.end(stdin);
  });
}

/** `promtool check metrics` on an exposition (stdin). */
export function promtoolCheckMetrics(exposition: string): Promise<PromtoolResult> {
  return promtool(['check', 'metrics'], exposition);
}

/** `promtool check rules` on rule files. */
export function promtoolCheckRules(files: string[]): Promise<PromtoolResult> {
  return promtool(['check', 'rules', ...files]);
}
