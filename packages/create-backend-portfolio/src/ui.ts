import pc from 'picocolors';

/** Output helpers. picocolors already turns colour off for NO_COLOR and for pipes. */
export const ui = {
  info: (message: string) => console.log(message),
  /** Program output, written as is: what a person pipes into a file or another tool. */
  out: (text: string) => process.stdout.write(text),
  step: (message: string) => console.log(`${pc.cyan('›')} ${message}`),
  success: (message: string) => console.log(`${pc.green('✔')} ${message}`),
  warn: (message: string) => console.warn(`${pc.yellow('!')} ${message}`),
  error: (message: string) => console.error(`${pc.red('✖')} ${message}`),
  bold: pc.bold,
  dim: pc.dim,
};
