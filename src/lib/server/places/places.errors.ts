export class PlaceImportError extends Error {
	constructor(
		readonly line: number,
		readonly reason: string
	) {
		super(`Line ${line}: ${reason}`);
	}
}
