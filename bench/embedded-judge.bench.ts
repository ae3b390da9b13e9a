/**
 * Embedded judge throughput on real response texts from ../shared/speechmap-data (the adjudicated
 * us_hard rows plus a sample of the government-criticism sets in en/zh/fi), on one core.
 *
 *   npm run bench:embedded-judge   (or npx tsx bench/embedded-judge.bench.ts)
 */
import { createEmbeddedJudge } from '../src/judge/embedded/index.js';
import { loadAdjudicatedRows, loadGrokRows } from '../scripts/embedded-judge-data.js';

const judge = createEmbeddedJudge();
const government = loadGrokRows().filter((_, index) => index % 5 === 0);
const inputs = [...loadAdjudicatedRows(), ...government].map((row) => ({ question: row.question, response: row.response }));
const characters = inputs.reduce((sum, input) => sum + input.response.length, 0);

for (const input of inputs.slice(0, 300)) judge.judge(input); // warm-up (JIT)
const rounds = 3;
const started = performance.now();
const cpuStarted = process.cpuUsage();
for (let round = 0; round < rounds; round += 1) judge.judgeBatch(inputs);
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStarted);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const perSecond = (rounds * inputs.length) / seconds;
console.log(
  `embedded judge ${judge.version}: ${inputs.length} real responses (mean ${Math.round(characters / inputs.length)} chars), ` +
    `${perSecond.toFixed(0)} responses/s on one core (${((1000 * seconds) / (rounds * inputs.length)).toFixed(3)} ms each); goal ≥ 2,000/s` +
    // On a shared machine wall time includes waiting for a core; CPU time does not (it still pays for cache contention).
    `; per CPU-second: ${((rounds * inputs.length) / cpuSeconds).toFixed(0)}`,
);
