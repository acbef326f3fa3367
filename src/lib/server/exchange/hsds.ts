import { createHash } from 'node:crypto';
import rrule from 'rrule';
import { utcDay } from '../../shared/time/instants.js';
import { formatAmount } from '../../shared/files/cell-values.js';
import type { ExportOffer, ExportScheduleEntry } from './export-offer.js';
import { labelOf } from './vocabulary.js';

const { RRule } = rrule;

/**
 * Open Referral HSDS 3.0 as its API returns a page of services: each service with its
 * organization, locations (service_at_locations), schedules, languages, contacts and phones
 * nested. Identifiers are name-based UUIDs (version 5 layout), stable across exports of the
 * same installation, so consumers can match records from one export to the next.
 */
export function stableUuid(name: string): string {
	const hash = createHash('sha1').update(name).digest();
	hash[6] = (hash[6]! & 0x0f) | 0x50;
	hash[8] = (hash[8]! & 0x3f) | 0x80;
	const hex = hash.subarray(0, 16).toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The German federal state from the first two digits of an official municipality key. */
const STATES: Record<string, string> = {
	'01': 'Schleswig-Holstein',
	'02': 'Hamburg',
	'03': 'Niedersachsen',
	'04': 'Bremen',
	'05': 'Nordrhein-Westfalen',
	'06': 'Hessen',
	'07': 'Rheinland-Pfalz',
	'08': 'Baden-Württemberg',
	'09': 'Bayern',
	'10': 'Saarland',
	'11': 'Berlin',
	'12': 'Brandenburg',
	'13': 'Mecklenburg-Vorpommern',
	'14': 'Sachsen',
	'15': 'Sachsen-Anhalt',
	'16': 'Thüringen'
};

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** The HSDS columns of one RRULE; rules HSDS cannot express keep only their text in `notes`. */
function recurrenceFields(rule: string): Record<string, string | number> {
	let options;
	try {
		options = RRule.parseString(rule.replace(/^RRULE:/i, ''));
	} catch {
		return {};
	}
	const interval = options.interval ?? 1;
	const setPosition = Array.isArray(options.bysetpos) ? options.bysetpos[0] : options.bysetpos;
	const weekdays = (Array.isArray(options.byweekday) ? options.byweekday : [options.byweekday])
		.filter((day) => day !== null && day !== undefined && typeof day === 'object')
		.map((day) => `${day.n ?? setPosition ?? ''}${DAYS[day.weekday]}`);
	const monthDays = [options.bymonthday].flat().filter((day) => typeof day === 'number');
	const bounds = {
		...(options.until ? { until: utcDay(options.until) } : {}),
		...(options.count ? { count: options.count } : {})
	};
	if (options.freq === RRule.DAILY && interval === 1)
		return { freq: 'WEEKLY', interval: 1, byday: DAYS.join(','), ...bounds };
	if (options.freq !== RRule.WEEKLY && options.freq !== RRule.MONTHLY) return {};
	return {
		freq: options.freq === RRule.WEEKLY ? 'WEEKLY' : 'MONTHLY',
		interval,
		...(weekdays.length ? { byday: weekdays.join(',') } : {}),
		...(monthDays.length ? { bymonthday: monthDays.join(',') } : {}),
		...bounds
	};
}

function schedule(offer: ExportOffer, entry: ExportScheduleEntry, id: string, serviceId: string) {
	const date = entry.startsAt.slice(0, 10);
	return {
		id,
		service_id: serviceId,
		dtstart: date,
		valid_from: entry.rrule ? (offer.validFrom ?? date) : date,
		valid_to: entry.rrule ? offer.validTo : date,
		opens_at: entry.startsAt.slice(11, 16),
		closes_at: entry.endsAt ? entry.endsAt.slice(11, 16) : null,
		...(entry.rrule ? recurrenceFields(entry.rrule) : {}),
		notes: `Uhrzeiten in Ortszeit Europe/Berlin${entry.rrule ? `; RRULE ${entry.rrule}` : ''}`
	};
}

/**
 * HSDS 3.0 types its optional properties as strings, numbers or objects, never null: an absent
 * value (no end time, no e-mail, no price note) is left out rather than written as null.
 */
export function withoutNulls<T>(value: T): T {
	if (Array.isArray(value)) return value.map(withoutNulls) as T;
	if (value !== null && typeof value === 'object')
		return Object.fromEntries(
			Object.entries(value).flatMap(([key, field]) =>
				field === null ? [] : [[key, withoutNulls(field)]]
			)
		) as T;
	return value;
}

export interface HsdsOptions {
	/** The public address of the portal, for offer links and as the namespace of identifiers. */
	origin: string;
}

export function hsdsService(offer: ExportOffer, options: HsdsOptions) {
	const uuid = (entity: string, key: string | number = '') =>
		stableUuid(`${options.origin}/${entity}/${offer.id}/${key}`);
	const serviceId = uuid('service');
	const organizationId = stableUuid(`${options.origin}/organization/${offer.organisation.id}`);
	const contactId = uuid('contact');
	const location =
		offer.location.kind === 'online'
			? { id: uuid('location'), location_type: 'virtual', url: offer.location.url }
			: {
					id: stableUuid(
						`${options.origin}/location/${offer.location.place.id}/${offer.location.street}`
					),
					location_type: 'physical',
					name: `${offer.location.street}, ${offer.location.place.name}`,
					latitude: offer.location.place.lat,
					longitude: offer.location.place.lon,
					addresses: [
						{
							id: uuid('address'),
							address_1: offer.location.street,
							city: offer.location.place.name,
							state_province: STATES[offer.location.place.ags.slice(0, 2)] ?? '',
							postal_code: offer.location.postcode ?? '',
							country: 'DE',
							address_type: 'physical'
						}
					]
				};
	return withoutNulls({
		id: serviceId,
		organization_id: organizationId,
		name: offer.title,
		description: offer.description ? `${offer.summary}\n\n${offer.description}` : offer.summary,
		url: `${options.origin}/de/offers/${offer.slug}`,
		email: offer.contact.email,
		status: 'active',
		application_process: labelOf('access', offer.access),
		fees_description:
			offer.cost.kind === 'free'
				? labelOf('cost', 'free')
				: [`${formatAmount(offer.cost.cents ?? 0)} €`, offer.cost.note].filter(Boolean).join(', '),
		eligibility_description: offer.targetGroups
			.map((group) => labelOf('targetGroups', group))
			.join(', '),
		assured_date: offer.lastVerifiedAt.slice(0, 10),
		organization: {
			id: organizationId,
			name: offer.organisation.name,
			description: '',
			email: offer.organisation.email,
			website: offer.organisation.website,
			phones: offer.organisation.phone
				? [{ id: stableUuid(`${organizationId}/phone`), number: offer.organisation.phone }]
				: []
		},
		service_at_locations: [
			{ id: uuid('service_at_location'), service_id: serviceId, location_id: location.id, location }
		],
		schedules:
			offer.schedule.entries.length === 0
				? [{ id: uuid('schedule'), service_id: serviceId, description: 'Termin nach Vereinbarung' }]
				: offer.schedule.entries.map((entry, index) =>
						schedule(offer, entry, uuid('schedule', index), serviceId)
					),
		languages: offer.languages.map((code) => ({
			id: uuid('language', code),
			service_id: serviceId,
			name: labelOf('languages', code),
			code
		})),
		contacts:
			offer.contact.name || offer.contact.email || offer.contact.phone
				? [
						{
							id: contactId,
							service_id: serviceId,
							name: offer.contact.name,
							email: offer.contact.email,
							phones: offer.contact.phone
								? [
										{
											id: uuid('contact_phone'),
											contact_id: contactId,
											number: offer.contact.phone
										}
									]
								: []
						}
					]
				: [],
		phones: offer.contact.phone
			? [{ id: uuid('phone'), service_id: serviceId, number: offer.contact.phone }]
			: [],
		cost_options:
			offer.cost.kind === 'free'
				? []
				: [
						{
							id: uuid('cost_option'),
							service_id: serviceId,
							option: labelOf('cost', offer.cost.kind),
							currency: 'EUR',
							amount: (offer.cost.cents ?? 0) / 100,
							amount_description: offer.cost.note
						}
					],
		attributes: offer.actionFields.map((field) => ({
			id: uuid('attribute', field),
			link_id: serviceId,
			link_type: 'service',
			link_entity: 'service',
			value: labelOf('actionFields', field),
			taxonomy_term: {
				id: stableUuid(`${options.origin}/taxonomy_term/action_field/${field}`),
				code: field,
				name: labelOf('actionFields', field),
				description: 'Handlungsfeld des Integrationskonzepts',
				taxonomy: 'kitz-handlungsfelder'
			}
		}))
	});
}

/** A whole export as one page of the HSDS 3.0 `/services` response. */
export function hsdsServiceList(offers: readonly ExportOffer[], options: HsdsOptions) {
	return {
		total_items: offers.length,
		total_pages: 1,
		page_number: 1,
		size: offers.length,
		first_page: true,
		last_page: true,
		empty: offers.length === 0,
		contents: offers.map((offer) => hsdsService(offer, options))
	};
}
