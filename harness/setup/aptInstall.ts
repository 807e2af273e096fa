/**
 * The one way the harness installs a tool it needs: Debian's package, with apt-get, when this
 * process is root on Debian. Anywhere else it throws, naming the packages to install by hand.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function canAptInstall(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0 && existsSync('/etc/debian_version');
}

/** Installs `packages` with apt-get; `why` says what needs them (for the log and the error). */
export function aptInstall(packages: string[], why: string, log: (line: string) => void): void {
  const list = packages.join(' ');
  if (!canAptInstall())
    throw new Error(
      `${why} needs Debian's package(s) ${list}; install them (apt-get install -y ${list}) and run again`,
    );
  log(`${why}: installing Debian package(s) ${list} (apt-get)…`);
  execSync(`apt-get update && apt-get install -y ${list}`, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}
