import type { PackageManager } from '@create-backend-portfolio/generators';
import { PACKAGE_MANAGERS } from '@create-backend-portfolio/generators';

export function isPackageManager(value: string): value is PackageManager {
  return (PACKAGE_MANAGERS as readonly string[]).includes(value);
}

/** `pnpm/12.4.2 npm/? node/v20.20.2 linux x64` → `pnpm`. Undefined when the agent is unknown. */
export function packageManagerFromUserAgent(userAgent: string | undefined): PackageManager | undefined {
  const name = userAgent?.split(' ')[0]?.split('/')[0];
  return name !== undefined && isPackageManager(name) ? name : undefined;
}

export function installCommand(pm: PackageManager): { command: string; args: string[] } {
  return { command: pm, args: pm === 'yarn' ? [] : ['install'] };
}
