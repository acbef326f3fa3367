import { fold } from './fold.js';

/** A URL segment from a title: folded, hyphenated, at most 60 characters. */
export function slugify(text: string): string {
	return (
		fold(text)
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 60)
			.replace(/-+$/, '') || 'angebot'
	);
}
