/**
 * `read` shared by calls without any of them missing a change: a call waits for a read that starts
 * after the call was made, so it sees every write committed before it, and all calls made while
 * one read runs share the next. Under load that is one query per round trip instead of one per
 * request (on PostgreSQL; SQLite's reads end before the next request is looked at).
 */
export function freshRead<T>(read: () => Promise<T>): () => Promise<T> {
	let running: Promise<T> | null = null;
	let queued: Promise<T> | null = null;
	const start = (): Promise<T> => {
		const started = read().finally(() => {
			if (running === started) running = null;
		});
		running = started;
		return started;
	};
	return () => {
		if (!running) return start();
		// The read under way may have begun before a write this call must see.
		queued ??= running
			.catch(() => undefined)
			.then(() => {
				queued = null;
				return start();
			});
		return queued;
	};
}
