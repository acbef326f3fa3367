/** Domain errors of the offers context; routes turn them into messages via one helper. */
export class OfferNotFoundError extends Error {
	constructor(readonly reference: string | number) {
		super(`Offer ${reference} does not exist or is not published`);
	}
}

/** `code` is zod's issue code (too_small, too_big, invalid_format, …) where one applies. */
export interface OfferIssue {
	path: string;
	message: string;
	code?: string;
	limit?: number;
}

export class OfferValidationError extends Error {
	constructor(readonly issues: OfferIssue[]) {
		super(
			`Offer is invalid: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`
		);
	}
}

export class UnknownOrganisationError extends Error {
	constructor(readonly organisationId: number) {
		super(`Organisation ${organisationId} does not exist`);
	}
}
