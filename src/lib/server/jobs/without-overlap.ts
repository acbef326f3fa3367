/**
 * Wraps a job so that one process never runs it twice at once. A call while it runs asks for
 * one more pass right after (a mail queued meanwhile does not wait for the next period); the
 * returned promise settles when the passes end. Failures go to `onError`, never to the caller.
 */
export function withoutOverlap(
	job: () => Promise<unknown>,
	onError: (error: unknown) => void
): () => Promise<void> {
	let running: Promise<void> | undefined;
	let again = false;
	return () => {
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
}
