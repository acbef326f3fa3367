import type { OfferIssue } from '../offers/offers.errors.js';

/** Domain errors of organisation profiles and their contact persons. */
export class OrganisationNotFoundError extends Error {
	constructor(readonly organisationId: number) {
		super(`Organisation ${organisationId} does not exist`);
	}
}

export class ContactPersonNotFoundError extends Error {
	constructor(readonly contactId: number) {
		super(`Contact person ${contactId} does not exist`);
	}
}

/** Every problem of a profile or contact person at once, by input path (name, email, …). */
export class OrganisationValidationError extends Error {
	constructor(readonly issues: OfferIssue[]) {
		super(
			`Organisation is invalid: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`
		);
	}
}
