// Writes the labelled detector corpus: `npx tsx test/corpus/generate.ts`. Deterministic (seeded), no real keys.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './corpus';

const dir = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));
mkdirSync(dir, { recursive: true });
const samples = generateCorpus();
for (const set of ['context', 'bare', 'negative'] as const) {
  const lines = samples.filter((s) => s.set === set).map((s) => JSON.stringify(s));
  writeFileSync(`${dir}${set}.jsonl`, `${lines.join('\n')}\n`);
  console.log(`${set}: ${lines.length} samples`);
}
