import type { MessageKey } from '../../i18n/messages.js';

/** A form error: the input it belongs to and a catalogue key with parameters. */
export interface FormError {
	key: MessageKey;
	params?: Record<string, string | number>;
}
