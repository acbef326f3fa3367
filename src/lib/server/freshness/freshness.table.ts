/** One-time "still correct" links mailed with a freshness reminder. */
export interface OfferVerificationTokensTable {
	/** SHA-256 of the token in the link. */
	id: string;
	offerId: number;
	createdAt: string;
	expiresAt: string;
	usedAt: string | null;
}
