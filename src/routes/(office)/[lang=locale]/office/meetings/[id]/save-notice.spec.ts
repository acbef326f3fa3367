import { describe, expect, it } from 'vitest';
import { saveNotice, saveNoticeQuery } from './save-notice';

const notice = (query: string) => saveNotice(new URLSearchParams(query));

describe('the notice after saving a meeting', () => {
	it('says only "saved" for a new meeting: nobody is invited, no mail went out', () => {
		expect(notice(saveNoticeQuery(0))).toEqual({ saved: true, notified: 0 });
		// The new-meeting page's redirect: "saved" is a flag, not a count of mails.
		expect(notice('saved=1')).toEqual({ saved: true, notified: 0 });
	});

	it('counts the update mails the service queued, as a separate fact', () => {
		expect(notice(saveNoticeQuery(3))).toEqual({ saved: true, notified: 3 });
	});

	it('ignores a made-up count', () => {
		expect(notice('saved=1&notified=-2')).toEqual({ saved: true, notified: 0 });
		expect(notice('saved=1&notified=abc')).toEqual({ saved: true, notified: 0 });
		expect(notice('')).toEqual({ saved: false, notified: 0 });
	});
});
