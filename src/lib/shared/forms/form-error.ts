/** A form error: the input it belongs to and a catalogue key with parameters. */
export interface FormError {
	key: string;
	params?: Record<string, string | number>;
}
