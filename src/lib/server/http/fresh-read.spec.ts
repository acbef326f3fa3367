import { describe, expect, it } from 'vitest';
import { freshRead } from './fresh-read';

/** A read that answers with its number once `finish` is called. */
function controlledReads() {
	const pending: ((value: number) => void)[] = [];
	let reads = 0;
	return {
		read: () => new Promise<number>((resolve) => (pending[reads++] = resolve)),
		finish: (index: number) => pending[index]!(index),
		count: () => reads
	};
}

describe('freshRead', () => {
	it('lets calls made during a read share the next one, never the one under way', async () => {
		const reads = controlledReads();
		const read = freshRead(reads.read);
		const first = read();
		const later = [read(), read(), read()];
		expect(reads.count()).toBe(1);
		reads.finish(0);
		expect(await first).toBe(0);
		await Promise.resolve();
		expect(reads.count()).toBe(2);
		reads.finish(1);
		expect(await Promise.all(later)).toEqual([1, 1, 1]);
		const after = read();
		expect(reads.count()).toBe(3);
		reads.finish(2);
		expect(await after).toBe(2);
	});

	it('gives a failed read to its own callers only', async () => {
		let calls = 0;
		const read = freshRead(async () => {
			if (++calls === 1) throw new Error('down');
			return calls;
		});
		const failing = read();
		const next = read();
		await expect(failing).rejects.toThrow('down');
		expect(await next).toBe(2);
	});
});
