// How the benches read and print their measurements.

/** The value at quantile `q` (0–1) of ascending `sorted` values; 0 when there are none. */
export function percentile(sorted: number[], q: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
