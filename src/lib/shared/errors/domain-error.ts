/** What went wrong, as the edge needs to know it: one HTTP status per kind, in one place. */
export type DomainErrorKind = 'not_found' | 'forbidden' | 'conflict' | 'invalid';

/**
 * The base of every domain error: a kind and a catalogue key (with parameters) that say what to
 * show. Contexts throw their own subclasses; no context knows about HTTP.
 */
export abstract class DomainError extends Error {
	protected constructor(
		message: string,
		readonly kind: DomainErrorKind,
		readonly messageKey: string,
		readonly params?: Record<string, string | number>
	) {
		super(message);
	}
}
