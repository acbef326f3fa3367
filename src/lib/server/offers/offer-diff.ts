import { diffWords } from 'diff';
import type { OfferContent } from './offer-content.js';
import type { OfferInput } from './offers.schema.js';

/** One changed field, in a form the history page can show without knowing the offer model. */
export type FieldChange =
	| { field: string; kind: 'text'; parts: { value: string; added: boolean; removed: boolean }[] }
	| { field: string; kind: 'codes'; vocabulary: Vocabulary; added: string[]; removed: string[] }
	| { field: string; kind: 'value'; before: string; after: string };

export type Vocabulary = 'field' | 'group' | 'language' | 'accessibility';

const CODE_LISTS: [keyof OfferInput & string, Vocabulary][] = [
	['actionFields', 'field'],
	['targetGroups', 'group'],
	['languages', 'language'],
	['accessibility', 'accessibility']
];

function cost(offer: OfferInput): string {
	if (offer.cost.kind === 'free') return 'free';
	const euros = (offer.cost.cents / 100).toFixed(2).replace('.', ',');
	return `${offer.cost.kind} ${euros} €${offer.cost.note ? ` (${offer.cost.note})` : ''}`;
}

/** Names for the ids an offer refers to, so the history reads "Kappeln", not "#17". */
export interface DiffNames {
	place(id: number): string;
	organisation(id: number): string;
}

function location(offer: OfferInput, names: DiffNames): string {
	return offer.location.kind === 'online'
		? offer.location.url
		: `${offer.location.street}, ${names.place(offer.location.placeId)}`;
}

function schedule(offer: OfferInput): string {
	if (offer.schedule.kind === 'appointment') return 'appointment';
	return offer.schedule.entries
		.map((entry) =>
			[entry.startsAt.replace('T', ' '), entry.endsAt?.slice(11), entry.rrule]
				.filter(Boolean)
				.join(' ')
		)
		.join('; ');
}

/** Single-valued fields, flattened to comparable strings. */
function values(offer: OfferInput, names: DiffNames): Record<string, string> {
	return {
		organisation: names.organisation(offer.organisationId),
		languageLevel: offer.languageLevel,
		// Revisions from before the exit level was kept lack it: the same as none.
		languageLevelExit: offer.languageLevelExit ?? '',
		cost: cost(offer),
		access: offer.access,
		location: location(offer, names),
		schedule: schedule(offer),
		validFrom: offer.validFrom ?? '',
		validTo: offer.validTo ?? '',
		contactName: offer.contact?.name ?? '',
		contactPhone: offer.contact?.phone ?? '',
		contactEmail: offer.contact?.email ?? ''
	};
}

/** Texts by key: the German fields and every translation (`ar.title`, …). */
function texts(content: OfferContent): Record<string, string> {
	const result: Record<string, string> = {
		title: content.offer.title,
		summary: content.offer.summary,
		description: content.offer.description
	};
	for (const [locale, fields] of Object.entries(content.translations))
		for (const [field, text] of Object.entries(fields ?? {}))
			result[`${locale}.${field}`] = text.value;
	return result;
}

/** What changed from one version to the next; `before` null means the first version. */
export function diffContent(
	before: OfferContent | null,
	after: OfferContent,
	names: DiffNames
): FieldChange[] {
	const changes: FieldChange[] = [];
	const beforeTexts = before ? texts(before) : {};
	const afterTexts = texts(after);
	for (const field of new Set([...Object.keys(beforeTexts), ...Object.keys(afterTexts)])) {
		const old = beforeTexts[field] ?? '';
		const now = afterTexts[field] ?? '';
		if (old !== now)
			changes.push({
				field,
				kind: 'text',
				parts: diffWords(old, now).map((part) => ({
					value: part.value,
					added: part.added,
					removed: part.removed
				}))
			});
	}
	for (const [field, vocabulary] of CODE_LISTS) {
		const old = new Set((before?.offer[field] as string[] | undefined) ?? []);
		const now = new Set((after.offer[field] as string[] | undefined) ?? []);
		const added = [...now].filter((code) => !old.has(code));
		const removed = [...old].filter((code) => !now.has(code));
		if (added.length || removed.length)
			changes.push({ field, kind: 'codes', vocabulary, added, removed });
	}
	const beforeValues = before ? values(before.offer, names) : {};
	for (const [field, now] of Object.entries(values(after.offer, names))) {
		const old = beforeValues[field] ?? '';
		if (old !== now) changes.push({ field, kind: 'value', before: old, after: now });
	}
	return changes;
}
