import { error } from '@sveltejs/kit';
import type { MessageKey } from '../../i18n/messages.js';

/** SvelteKit's error() with a catalogue key as its message, worded by the error page. */
export function errorPage(status: number, key: MessageKey): never {
	error(status, key);
}
