/** A backup or restore refused or failed; its message is written for the operator as it is. */
export class BackupError extends Error {
	override name = 'BackupError';
}
