// A load generator in its own process: `tsx bench/load.ts <url> <seconds> <concurrency>`; prints JSON.
import { argv } from 'node:process';
import { percentile } from './figures.js';

const [url = '', secondsText = '10', concurrencyText = '16'] = argv.slice(2);
const deadline = Date.now() + Number(secondsText) * 1000;
let completed = 0;
let failed = 0;
const latencies: number[] = [];

async function worker() {
	while (Date.now() < deadline) {
		const started = performance.now();
		try {
			const response = await fetch(url);
			await response.arrayBuffer();
			if (response.ok) completed++;
			else failed++;
		} catch {
			failed++;
		}
		latencies.push(performance.now() - started);
	}
}

await Promise.all(Array.from({ length: Number(concurrencyText) }, worker));
latencies.sort((a, b) => a - b);
const at = (q: number) => percentile(latencies, q);
console.log(
	JSON.stringify({
		completed,
		failed,
		rps: completed / Number(secondsText),
		p50: at(0.5),
		p95: at(0.95),
		p99: at(0.99)
	})
);
