import type { Locale } from '../../i18n/locales.js';
import type { Translate } from '../../i18n/messages.js';
import { committeeTypeLabel, shownCountText } from '../../i18n/committee-labels.js';
import { ForbiddenError } from '../accounts/accounts.errors.js';
import type { Actor } from '../accounts/authorization.js';
import type { Db } from '../db/schema.js';
import { writeTableFile, type TableFile, type TableFormat } from '../../shared/files/table-file.js';
import { maySeeFigures } from './committee-access.js';
import { FIGURE_COUNTS } from './committees.schema.js';
import { getCommittee, listCommittees } from './committees.service.js';
import type { ShownCount } from './representation.js';

/**
 * The register as a table file, for staff and viewers (who see the figures): a row per committee and term, newest term first, with the
 * term's representation figures as the small-number rule lets them out. A suppressed count is
 * written as the words the page shows, so no spreadsheet formula can tell it apart from them.
 */
export async function committeeRegisterRows(
	db: Db,
	actor: Actor,
	t: Translate,
	now = new Date()
): Promise<(string | number)[][]> {
	const locale: Locale = t.locale === 'en' ? 'en' : 'de';
	const cell = (count: ShownCount) =>
		typeof count === 'number' ? count : shownCountText(t, locale, count);
	if (!maySeeFigures(actor)) throw new ForbiddenError('export', actor.role);
	const header = [
		t('office.committees.name'),
		t('office.committees.typeLabel'),
		t('office.committees.body'),
		t('office.committees.visibility'),
		t('office.committees.seats'),
		t('office.committees.termStart'),
		t('office.committees.termEnd'),
		t('office.committees.termSeats'),
		t('office.committees.members'),
		t('office.committees.vacancies'),
		t('office.committees.figures.recordedOn'),
		...FIGURE_COUNTS.map((name) => t(`office.committees.figures.${name}`))
	];
	const rows: (string | number)[][] = [header];
	for (const summary of await listCommittees(db, actor, undefined, now)) {
		const committee = await getCommittee(db, actor, summary.id, now);
		const lead = [
			committee.name,
			committeeTypeLabel(t, committee.type),
			committee.body,
			t(committee.isPublic ? 'office.committees.public' : 'office.committees.internal'),
			committee.seats
		];
		if (!committee.terms.length) rows.push([...lead, '', '', '', '', '']);
		for (const term of committee.terms)
			rows.push([
				...lead,
				term.startsOn,
				term.endsOn ?? '',
				term.seats,
				term.memberCount,
				term.current ? (committee.vacancies ?? '') : '',
				...(term.figures
					? [
							term.figures.recordedOn,
							...FIGURE_COUNTS.map((name) => cell(term.figures!.figures.counts[name]))
						]
					: ['', ...FIGURE_COUNTS.map(() => '')])
			]);
	}
	return rows;
}

export async function exportCommitteeRegister(
	db: Db,
	actor: Actor,
	format: TableFormat,
	t: Translate,
	now = new Date()
): Promise<TableFile> {
	const rows = await committeeRegisterRows(db, actor, t, now);
	return writeTableFile(format, {
		fileName: t('office.committees.export.fileName'),
		sheet: t('office.committees.export.sheet'),
		rows,
		widths: rows[0]!.map((_, index) => (index < 3 ? 30 : 14))
	});
}
