/** The nine action fields (Handlungsfelder) of the integration concept. */
export const ACTION_FIELDS = [
	'housing',
	'language',
	'work',
	'democracy',
	'culture_values',
	'associations',
	'women',
	'health',
	'intercultural_opening'
] as const;
