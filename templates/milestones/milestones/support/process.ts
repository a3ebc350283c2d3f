import { spawn } from 'node:child_process';

export interface Finished {
  readonly code: number;
  readonly stdout: string;
  /** The last 100,000 characters of stderr. */
  readonly stderr: string;
  /** The last 4,000 characters of stdout and stderr as they came, for a failure message. */
  readonly output: string;
}

/**
 * This process's environment without what belongs to the check run itself: jest's own variables, so a
 * nested jest run is the learner's and not part of this one, and the server the checks were given.
 */
export function learnerEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('JEST_') && name !== 'REQUESTED_DATABASE_URL'));
}

/**
 * Runs a command in its own process group, so whatever it starts (servers, databases) ends with it: the
 * group is killed once the command exits, and after `timeoutMs` if it has not.
 */
export function runInGroup(file: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<Finished> {
  return new Promise((resolve) => {
    const child = spawn(file, args, { cwd: options.cwd, env: options.env, detached: true });
    const stdout: Buffer[] = [];
    let stderr = '';
    let output = '';
    const keep = (chunk: Buffer) => (output = `${output}${chunk.toString()}`.slice(-4_000));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout.push(chunk);
      keep(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = `${stderr}${chunk.toString()}`.slice(-100_000);
      keep(chunk);
    });
    const killGroup = () => {
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch {
        // The group is already gone.
      }
    };
    const timer = setTimeout(killGroup, options.timeoutMs);
    // A process the command started may still hold the pipes open: ending the group lets them close.
    child.on('exit', killGroup);
    child.on('close', (code) => {
      clearTimeout(timer);
      killGroup();
      resolve({ code: code ?? 1, stdout: Buffer.concat(stdout).toString('utf8'), stderr, output: output.trim() });
    });
  });
}
