import type { OfferIssue } from '../offers/offers.errors.js';

export class PageNotFoundError extends Error {
	constructor(readonly slug: string) {
		super(`No page "${slug}"`);
	}
}

/** What is wrong with a page's texts or translations, one issue per input. */
export class PageValidationError extends Error {
	constructor(readonly issues: OfferIssue[]) {
		super(`Invalid page: ${issues.map((issue) => issue.path).join(', ')}`);
	}
}
