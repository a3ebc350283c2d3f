import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseInUseError, LOCK_FILE, lockDataDirectory } from '../src/db/database.js';

/**
 * Without DATABASE_URL, the server, `seed` and `migrate:*` open the embedded database in PGLITE_DIR. It has
 * no server to share, so a second process on the same directory would work on its own copy of the data and
 * lose its writes (`seed` while `dev` runs): it must stop instead, and say why.
 */
describe('the embedded database lock', () => {
  let dataDir: string;
  const lockFile = () => path.join(dataDir, LOCK_FILE);

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'pglite-lock-'));
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops a second process while another one holds the directory, naming that process', () => {
    // jest's own parent process: alive for as long as this test runs, and not this process.
    writeFileSync(lockFile(), String(process.ppid));
    expect(() => lockDataDirectory(dataDir)).toThrow(DatabaseInUseError);
    expect(() => lockDataDirectory(dataDir)).toThrow(new RegExp(`in use by process ${process.ppid}\\b.*DATABASE_URL`));
    expect(readFileSync(lockFile(), 'utf8')).toBe(String(process.ppid));
  });

  it('takes over a lock whose process is gone, and lets the same process open it again', () => {
    const gone = spawnSync(process.execPath, ['--eval', '']);
    writeFileSync(lockFile(), String(gone.pid));
    lockDataDirectory(dataDir);
    expect(readFileSync(lockFile(), 'utf8')).toBe(String(process.pid));
    expect(() => lockDataDirectory(dataDir)).not.toThrow();
  });
});
