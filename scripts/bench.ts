/**
 * `npm run bench`: runs every benchmark in test/bench/ one after another (never in parallel, so they do not compete
 * for the two cores) and prints their figures. Benchmarks print figures; they assert nothing.
 * `npm run bench -- detector` runs only the benchmarks whose file name contains "detector".
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const filter = process.argv[2] ?? '';
const files = readdirSync('test/bench')
  .filter((file) => file.endsWith('.bench.ts') && file.includes(filter))
  .sort();
if (files.length === 0) {
  console.error(`No benchmark matches "${filter}".`);
  process.exit(2);
}
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const { status } = spawnSync('npx', ['tsx', `test/bench/${file}`], { stdio: 'inherit' });
  if (status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
