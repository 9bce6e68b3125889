// Every test runs with a cache home of its own, removed at the end, so a
// test run never writes to the user's cache folder; the teardown checks
// that it did not.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

const listing = (dir: string) => {
  try {
    return readdirSync(dir).sort().join('\n');
  } catch {
    return '';
  }
};

export default function setup(): () => void {
  const userRoot = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'democracy-timeline');
  const before = listing(userRoot);
  const home = mkdtempSync(join(tmpdir(), 'dt-test-cache-home-'));
  process.env.XDG_CACHE_HOME = home;
  return () => {
    rmSync(home, { recursive: true, force: true });
    if (listing(userRoot) !== before) throw new Error(`the tests wrote to the user's cache folder ${userRoot}`);
  };
}
