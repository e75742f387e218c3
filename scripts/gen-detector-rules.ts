// Writes src/detector/rules.generated.ts: the compact rule table the content script imports instead of the
// knowledge base. Run after changing anything in src/exchanges: `npx tsx scripts/gen-detector-rules.ts`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { EXCHANGES } from '../src/exchanges/index';
import { compileRules, renderRulesModule } from '../src/detector/rules';

const target = fileURLToPath(new URL('../src/detector/rules.generated.ts', import.meta.url));
const config = await prettier.resolveConfig(target);
const text = await prettier.format(renderRulesModule(compileRules(EXCHANGES)), {
  ...config,
  filepath: target,
});
writeFileSync(target, text);
console.log(`wrote ${target}`);
