/**
 * What the meeting page confirms after a save: that it was saved, and — a separate fact — how many
 * invitees the service actually mailed an update (`?saved=1&notified=N`).
 */
export function saveNotice(query: URLSearchParams): { saved: boolean; notified: number } {
	const notified = Number(query.get('notified'));
	return {
		saved: query.has('saved'),
		notified: Number.isSafeInteger(notified) && notified > 0 ? notified : 0
	};
}

/** The query string for the page after a save that mailed `notified` invitees. */
export function saveNoticeQuery(notified: number): string {
	return notified > 0 ? `?saved=1&notified=${notified}` : '?saved=1';
}
