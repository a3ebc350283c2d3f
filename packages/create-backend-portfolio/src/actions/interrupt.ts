/** The exit code a shell reports for a process stopped by each signal: 128 plus the signal number. */
const EXIT_CODE = { SIGINT: 130, SIGTERM: 143 } as const;
type Signal = keyof typeof EXIT_CODE;

/**
 * While `work` runs, Ctrl-C or SIGTERM aborts `controller` (which stops a running install), waits for
 * `work` to settle, runs `cleanup`, and ends the process with the signal's exit code. Afterwards the
 * default handling comes back.
 */
export async function interruptible<T>(work: (signal: AbortSignal) => Promise<T>, cleanup: (signal: Signal) => Promise<void>): Promise<T> {
  const controller = new AbortController();
  let interrupted: Signal | undefined;
  const handlers = (Object.keys(EXIT_CODE) as Signal[]).map((name) => {
    const handler = () => {
      // A second Ctrl-C while cleaning up is ignored: stopping half way would leave a half-removed folder.
      if (interrupted !== undefined) return;
      interrupted = name;
      controller.abort();
    };
    process.on(name, handler);
    return () => process.off(name, handler);
  });
  try {
    const result = await work(controller.signal);
    if (interrupted === undefined) return result;
  } catch (error) {
    if (interrupted === undefined) throw error;
  } finally {
    if (interrupted === undefined) for (const off of handlers) off();
  }
  await cleanup(interrupted);
  process.exit(EXIT_CODE[interrupted]);
}
