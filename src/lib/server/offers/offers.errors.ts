/** Domain errors of the offers context; routes turn them into messages via one helper. */
export class OfferNotFoundError extends Error {
	constructor(readonly reference: string | number) {
		super(`Offer ${reference} does not exist or is not published`);
	}
}

export class OfferValidationError extends Error {
	constructor(readonly issues: { path: string; message: string }[]) {
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
