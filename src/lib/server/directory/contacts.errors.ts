/** Domain errors of the contact directory, its consents and the record of processing purposes. */
export interface FieldIssue {
	/** The input it concerns: name, email, purposeId, … */
	path: string;
	message: string;
	code?: string;
	limit?: number;
}

export class ContactNotFoundError extends Error {
	constructor(readonly contactId: number) {
		super(`Contact ${contactId} does not exist`);
	}
}

export class PurposeNotFoundError extends Error {
	constructor(readonly purposeId: number) {
		super(`Processing purpose ${purposeId} does not exist`);
	}
}

/** Every problem of a contact, consent or purpose at once, by input. */
export class ContactValidationError extends Error {
	constructor(readonly issues: FieldIssue[]) {
		super(`Invalid input: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
	}
}

/** A change to a person who has been erased: only their "former participant" row is left. */
export class ContactErasedError extends Error {
	constructor(readonly contactId: number) {
		super(`Contact ${contactId} has been erased`);
	}
}
