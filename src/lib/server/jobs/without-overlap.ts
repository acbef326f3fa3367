/** A job that never runs twice at once; `idle()` settles once no pass runs (at once if none). */
export interface OverlapFreeJob {
	(): Promise<void>;
	idle(): Promise<void>;
}

/**
 * Wraps a job so that one process never runs it twice at once. A call while it runs asks for
 * one more pass right after (a mail queued meanwhile does not wait for the next period); the
 * returned promise settles when the passes end. Failures go to `onError`, never to the caller.
 */
export function withoutOverlap(
	job: () => Promise<unknown>,
	onError: (error: unknown) => void
): OverlapFreeJob {
	let running: Promise<void> | undefined;
	let again = false;
	const run = () => {
		if (running) {
			again = true;
			return running;
		}
		running = (async () => {
			do {
				again = false;
				try {
					await job();
				} catch (error) {
					onError(error);
				}
			} while (again);
		})().finally(() => {
			running = undefined;
		});
		return running;
	};
	return Object.assign(run, { idle: () => running ?? Promise.resolve() });
}
