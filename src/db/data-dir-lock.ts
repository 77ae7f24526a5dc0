import { promises as fs } from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One Arbor process owns an embedded data directory at a time. The lock file holds the owner's
 * pid; a lock whose owner is gone (killed, crashed) is stale and taken over.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const lockFile = path.join(dir, 'arbor.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await fs.writeFile(lockFile, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      return async () => {
        const owner = Number((await fs.readFile(lockFile, 'utf8').catch(() => '')).trim());
        if (owner === process.pid) await fs.rm(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await fs.readFile(lockFile, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new DataDirLockedError(
          `Another Arbor process (pid ${owner}) is already using the data directory ${dir}. ` +
            'Stop it first, or set ARBOR_DATA_DIR to another directory.',
        );
      }
      await fs.rm(lockFile, { force: true });
    }
  }
  throw new DataDirLockedError(`Could not lock the data directory ${dir}`);
}
