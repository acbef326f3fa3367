import type { Translate } from '../../i18n/messages.js';

/**
 * What an erased person's row keeps as their name, so meeting records still count them. Stored
 * as a neutral constant, shown through the catalogue in the reader's language.
 */
export const FORMER_PARTICIPANT = 'former participant';
export const FORMER_PARTICIPANT_KEY = 'office.directory.formerParticipant';

/** The name to show for a contact row: their name, or "former participant" once erased. */
export function personName(
	t: Translate,
	person: { name: string; anonymisedAt: string | null }
): string {
	return person.anonymisedAt ? t(FORMER_PARTICIPANT_KEY) : person.name;
}
