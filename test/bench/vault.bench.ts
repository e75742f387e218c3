/**
 * Vault timings: unlock with the production PBKDF2 cost (600,000 iterations), and listing 1,000 credentials.
 * IndexedDB here is fake-indexeddb (in-memory, in Node), so storage figures are indicative only: a browser's
 * IndexedDB is disk-backed and its timings differ. The KDF figure is Node's WebCrypto (OpenSSL), close to Chrome's.
 *
 * Run: npx tsx test/bench/vault.bench.ts
 */
import 'fake-indexeddb/auto';
import { DEFAULT_KDF_ITERATIONS } from '../../src/vault/kdf';
import { Vault } from '../../src/vault/service';
import { FakeAlarms, FakeClock, MemorySession, PASSPHRASE, sampleInput } from '../../src/vault/testing';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function time(runs: number, body: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await body();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const vault = new Vault({
  session: new MemorySession(),
  alarms: new FakeAlarms(),
  clock: new FakeClock(),
  dbName: `vault-bench-${Date.now()}`,
});

await vault.create(PASSPHRASE);
const unlockMs = await time(7, async () => {
  await vault.lock();
  await vault.unlock(PASSPHRASE);
});

const addStart = performance.now();
for (let i = 0; i < 1_000; i++) await vault.addCredential(sampleInput({ label: `bot ${i}` }));
const addMs = (performance.now() - addStart) / 1_000;

const listing = await vault.listCredentials();
if (listing.credentials.length !== 1_000) throw new Error('expected 1,000 credentials');
const listMs = await time(15, () => vault.listCredentials());
const first = listing.credentials[0]!;
const revealMs = await time(50, () => vault.revealField(first.id, 'secret'));
const secret = await vault.revealField(first.id, 'secret');
const matchMs = await time(50, () => vault.matchFingerprint(secret));
const indexMs = await time(15, () => vault.knownValueIndex());

console.log(`PBKDF2-SHA256 iterations: ${DEFAULT_KDF_ITERATIONS}`);
console.log(`unlock (median of 7):                    ${unlockMs.toFixed(1)} ms`);
console.log(`add one credential (mean of 1,000):      ${addMs.toFixed(2)} ms`);
console.log(`list 1,000 credentials (median of 15):   ${listMs.toFixed(1)} ms`);
console.log(`reveal one field (median of 50):         ${revealMs.toFixed(2)} ms`);
console.log(`match a fingerprint (median of 50):      ${matchMs.toFixed(2)} ms`);
console.log(`known-value index, 2,000 values (median): ${indexMs.toFixed(1)} ms`);
console.log('storage: fake-indexeddb (in-memory); browser IndexedDB timings will differ');
await vault.close();
