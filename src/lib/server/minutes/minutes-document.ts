import { formatDate, formatShortDate, formatTime } from '../../format.js';
import type { Locale } from '../../i18n/locales.js';
import { translator, type Translate } from '../../i18n/messages.js';
import type { DocumentBlock, DocumentModel, Run } from '../../shared/files/document.js';
import { markdownBlocks } from '../../shared/files/document-markdown.js';
import type { Attendee, Decision, MinutesView } from './minutes.service.js';
import type { TaskSummary } from './tasks.service.js';

const names = (t: Translate, people: Attendee[]) =>
	people.length
		? people.map((person) => person.name ?? t('office.minutes.formerParticipant')).join(', ')
		: '—';

function taskLine(t: Translate, locale: Locale, task: TaskSummary): DocumentBlock {
	const details = [
		task.ownerName ?? (task.ownerKey ? t('office.minutes.formerParticipant') : null),
		task.dueOn ? t('office.task.dueLine', { date: formatShortDate(locale, task.dueOn) }) : null,
		t(`office.task.status.${task.status}`)
	].filter(Boolean);
	const runs: Run[] = [{ text: task.title, bold: true }, { text: ` – ${details.join(', ')}` }];
	if (task.overdue) runs.push({ text: ` (${t('office.task.overdue')})`, bold: true });
	return { kind: 'bullet', depth: 0, runs };
}

function decisionLines(decisions: Decision[]): DocumentBlock[] {
	return decisions.map((decision) => ({
		kind: 'bullet',
		depth: 0,
		runs: [{ text: decision.text }]
	}));
}

function section(
	t: Translate,
	locale: Locale,
	decisions: Decision[],
	tasks: TaskSummary[]
): DocumentBlock[] {
	const blocks: DocumentBlock[] = [];
	if (decisions.length)
		blocks.push(
			{ kind: 'heading', level: 3, text: t('office.minutes.decisions') },
			...decisionLines(decisions)
		);
	if (tasks.length)
		blocks.push(
			{ kind: 'heading', level: 3, text: t('office.minutes.tasks') },
			...tasks.map((task) => taskLine(t, locale, task))
		);
	return blocks;
}

/** The minutes as a document model: the DOCX and the PDF lay out the same content. */
export function minutesDocument(view: MinutesView, locale: Locale): DocumentModel {
	const t = translator(locale);
	const { meeting } = view;
	const day = meeting.startsAt.slice(0, 10);
	const place = [meeting.location, meeting.onlineUrl].filter(Boolean).join(' · ') || '—';
	const blocks: DocumentBlock[] = [
		{
			kind: 'facts',
			rows: [
				[t('office.minutes.network'), meeting.networkName],
				[t('office.minutes.date'), formatDate(locale, day)],
				[
					t('office.minutes.time'),
					t('office.minutes.timeRange', {
						start: formatTime(locale, meeting.startsAt),
						end: formatTime(locale, meeting.endsAt)
					})
				],
				[t('office.minutes.place'), place],
				meeting.releasedOn
					? [t('office.minutes.releasedOn'), formatShortDate(locale, meeting.releasedOn)]
					: [t('office.task.statusLabel'), t('office.minutes.draft')]
			]
		},
		{ kind: 'heading', level: 1, text: t('office.minutes.attendance') },
		{
			kind: 'facts',
			rows: [
				[t('office.minutes.present'), names(t, view.attendance.present)],
				[t('office.minutes.excused'), names(t, view.attendance.excused)],
				[t('office.minutes.absent'), names(t, view.attendance.absent)]
			]
		},
		{ kind: 'heading', level: 1, text: t('office.minutes.agenda') }
	];
	view.items.forEach((item, index) => {
		blocks.push({ kind: 'heading', level: 2, text: `${index + 1}. ${item.title}` });
		if (item.presenter)
			blocks.push({
				kind: 'paragraph',
				runs: [{ text: `${t('office.minutes.presenter')}: ${item.presenter}`, italic: true }]
			});
		blocks.push(...markdownBlocks(item.minutes));
		blocks.push(...section(t, locale, item.decisions, item.tasks));
	});
	if (view.general.decisions.length || view.general.tasks.length)
		blocks.push(
			{ kind: 'heading', level: 1, text: t('office.minutes.general') },
			...section(t, locale, view.general.decisions, view.general.tasks)
		);
	if (view.carriedTasks.length)
		blocks.push(
			{ kind: 'heading', level: 1, text: t('office.minutes.carried') },
			...view.carriedTasks.map((task) => taskLine(t, locale, task))
		);
	return {
		title: `${t('office.minutes.docTitle')}: ${meeting.title}`,
		subject: meeting.networkName,
		language: locale,
		fileName: `protokoll-${day}-${meeting.id}`,
		blocks
	};
}
