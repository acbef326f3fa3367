import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/messages.js';
import type { AuditAction } from './audit.service.js';

// Actions the services recorded without a label, so the audit page showed the raw key.
const ONCE_UNLABELLED: AuditAction[] = [
	'calendar_feed.create',
	'calendar_feed.revoke',
	'contact_person.move',
	'contact_person.translate',
	'decision.created',
	'decision.deleted',
	'meeting.attendance',
	'meeting.cancel',
	'meeting.create',
	'meeting.invite',
	'meeting.mail_retry',
	'meeting.rsvp',
	'meeting.send_update',
	'meeting.update',
	'minutes.item_saved',
	'minutes.released',
	'network.archive',
	'network.create',
	'network.member.add',
	'network.member.end',
	'network.update',
	'offer.approve',
	'offer.archive',
	'offer.create',
	'offer.delete',
	'offer.edit',
	'offer.request_changes',
	'offer.submit',
	'page.edit',
	'planned_offer.created',
	'task.created',
	'task.status_changed'
];

describe.each(['de', 'en'] as const)('the audit page in %s', (locale) => {
	it.each(ONCE_UNLABELLED)('names the action %s in words', (action) => {
		const key = `office.audit.action.${action}` as const;
		const label = translator(locale)(key);
		expect(label).not.toBe(key);
		expect(label).toMatch(/^\p{Lu}/u);
	});
});
