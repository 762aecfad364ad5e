// Exits 0 when node_modules holds exactly what package-lock.json locks, 1 (saying what
// differs) when `npm ci` should run. Compares contents, not file times: a checkout or a
// rebase that rewrites the lockfile with the same versions does not reinstall everything.
// npm records what it installed in node_modules/.package-lock.json; entries the lockfile
// marks optional may be absent (other platforms' binaries are never installed).
import { readFileSync } from 'node:fs';

function load(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8')).packages ?? {};
  } catch {
    return null;
  }
}
const locked = load('package-lock.json');
const installed = load('node_modules/.package-lock.json');
let why = null;
if (!locked) why = 'no readable package-lock.json';
else if (!installed) why = 'nothing installed yet';
else {
  for (const [path, want] of Object.entries(locked)) {
    if (path === '') continue;
    const got = installed[path];
    if (!got) {
      if (!want.optional) { why = `${path} is not installed`; break; }
    } else if (got.version !== want.version || (want.integrity && got.integrity !== want.integrity)) {
      why = `${path} is ${got.version}, the lockfile says ${want.version}`;
      break;
    }
  }
  if (!why) {
    const extra = Object.keys(installed).find((p) => p !== '' && !(p in locked));
    if (extra) why = `${extra} is installed but not in the lockfile`;
  }
}
if (why) {
  console.log(`deps: npm packages to install: ${why}`);
  process.exit(1);
}
