// Whether a build's output is newer than everything it is built from, so
// that `npm test` right after `npm run build` does not build it again.
// Usage: node test/fresh.mjs OUTPUT INPUT... ; exit 0 when OUTPUT exists and
// is newer than every file under the INPUTs (its own folder aside), 1
// otherwise (then build).
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const [output, ...inputs] = process.argv.slice(2);
const built = statSync(output, { throwIfNoEntry: false })?.mtimeMs;
// The output's own folder (docs/api inside docs) is not an input.
const own = resolve(dirname(output));
function newest(path) {
  if (resolve(path) === own) return 0;
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}
const fresh = built !== undefined && inputs.every((input) => newest(input) < built);
if (fresh) console.log(`${output} is newer than ${inputs.join(', ')}: not built again`);
process.exitCode = fresh ? 0 : 1;
