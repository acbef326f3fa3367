/**
 * Recent text-search results per index version. Refining a search (a facet, the next page,
 * another language) repeats the same words, so the full-text query runs once per refinement chain.
 */
export class TextMatchCache<T> {
	private readonly entries = new Map<string, T>();

	constructor(private readonly capacity = 64) {}

	async get(version: string, terms: string[], compute: () => Promise<T>): Promise<T> {
		const key = `${version}\u0000${terms.join('\u0000')}`;
		const hit = this.entries.get(key);
		if (hit) {
			this.entries.delete(key);
			this.entries.set(key, hit);
			return hit;
		}
		const value = await compute();
		this.entries.set(key, value);
		if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
		return value;
	}
}
