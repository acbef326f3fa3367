/**
 * Offer cards as the database last gave them, per content version (migration 0021: it counts up
 * with every write to a table a card shows, in any process). Searches with different words mostly
 * show the same offers again; a card read once is not read again until something changes.
 */
export class OfferCardCache<Card> {
	private version: string | undefined;
	private readonly entries = new Map<string, Card>();

	/** About a kilobyte a card: a few pages of every language. */
	constructor(private readonly capacity = 2_000) {}

	/** The cached cards of `keys` at `version`; a new version empties the cache first. */
	take(version: string, keys: string[]): Map<string, Card> {
		if (version !== this.version) {
			this.version = version;
			this.entries.clear();
		}
		const found = new Map<string, Card>();
		for (const key of keys) {
			const card = this.entries.get(key);
			if (card) found.set(key, card);
		}
		return found;
	}

	/** Keeps cards read at `version`, unless the version moved on while they were read. */
	put(version: string, cards: Map<string, Card>): void {
		if (version !== this.version) return;
		for (const [key, card] of cards) {
			if (this.entries.size >= this.capacity)
				this.entries.delete(this.entries.keys().next().value!);
			this.entries.set(key, card);
		}
	}
}
