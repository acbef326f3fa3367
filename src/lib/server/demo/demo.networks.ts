import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { hashToken, newToken } from '../meetings/invitation-mail.js';
import {
	findEligibleContacts,
	insertInvitee,
	setAttendance,
	setResponse
} from '../meetings/invitees.repository.js';
import {
	insertAgendaItem,
	insertMeeting,
	updateMeetingRow
} from '../meetings/meetings.repository.js';
import type { MemberRole } from '../networks/networks.table.js';
import {
	insertMember,
	insertNetwork,
	replaceActionFields,
	setNetworkSlug
} from '../networks/networks.repository.js';
import { slugify } from '../../shared/text/slugify.js';
import { berlinToday } from '../../shared/time/berlin-clock.js';
import { addDays } from '../../shared/time/wall-clock.js';
import { instantOn, stableHash } from './demo.history.js';

/**
 * The demo's networks, one per action field as the KITZ page says: member organisations from
 * the demo offers; in each the regular meetings of the last two years with answers and
 * attendance, and for some a named past meeting and upcoming ones with an agenda, not yet
 * invited (so the demo mails no one). Invited persons come from the demo contacts.
 */
interface DemoMeeting {
	title: string;
	/** Days from today; negative for the past. */
	inDays: number;
	start: string;
	end: string;
	location: string | null;
	onlineUrl: string | null;
	agenda: { title: string; presenter: string | null; start: string; minutes: number }[];
}

const NETWORKS: {
	name: string;
	description: string;
	actionFields: string[];
	coordinator: string;
	members: { organisation: string; role: MemberRole }[];
	meetings: DemoMeeting[];
}[] = [
	{
		name: 'Netzwerk Sprache Schleswig-Flensburg',
		description:
			'Träger von Sprach- und Integrationskursen, Jobcenter und Ehrenamtliche stimmen Kursangebote, Wartezeiten und Kinderbetreuung ab.',
		actionFields: ['language'],
		coordinator: 'a-vhs-kappeln',
		members: [
			{ organisation: 'a-vhs-kappeln', role: 'speaker' },
			{ organisation: 'c-awo-slfl', role: 'member' },
			{ organisation: 'a-jobcenter-slfl', role: 'member' },
			{ organisation: 'b-sdkv-schleswig', role: 'member' },
			{ organisation: 'a-sprachcafe-tarp', role: 'guest' }
		],
		meetings: [
			{
				title: 'Netzwerktreffen Frühjahr',
				inDays: -335,
				start: '14:00',
				end: '16:00',
				location: 'Kreishaus Schleswig, Flensburger Straße 7, Raum 214',
				onlineUrl: null,
				agenda: [
					{
						title: 'Begrüßung und Protokoll des letzten Treffens',
						presenter: 'KITZ',
						start: '14:00',
						minutes: 10
					},
					{
						title: 'Wartelisten der Integrationskurse',
						presenter: 'Volkshochschule Kappeln',
						start: '14:10',
						minutes: 40
					},
					{
						title: 'Kinderbetreuung während der Kurse',
						presenter: 'AWO Kreisverband',
						start: '14:50',
						minutes: 40
					},
					{ title: 'Verschiedenes', presenter: null, start: '15:30', minutes: 30 }
				]
			},
			{
				title: 'Netzwerktreffen Sommer',
				inDays: 21,
				start: '10:00',
				end: '12:00',
				location: 'Volkshochschule Kappeln, Schulstraße 3',
				onlineUrl: 'https://meet.kitz.example/netzwerk-sprache',
				agenda: [
					{ title: 'Begrüßung', presenter: 'KITZ', start: '10:00', minutes: 10 },
					{
						title: 'Berufssprachkurse 2027: Bedarf und Planung',
						presenter: 'Jobcenter Schleswig-Flensburg',
						start: '10:10',
						minutes: 50
					},
					{
						title: 'Sprachcafés im ländlichen Raum',
						presenter: 'Sprachcafé-Initiative Tarp',
						start: '11:00',
						minutes: 45
					}
				]
			}
		]
	},
	{
		name: 'Netzwerk Frauen und Familie',
		description: 'Beratungsstellen und Vereine, die geflüchtete Frauen und Familien begleiten.',
		actionFields: ['women'],
		coordinator: 'c-awo-slfl',
		members: [
			{ organisation: 'c-awo-slfl', role: 'speaker' },
			{ organisation: 'c-frauenberatung-sl', role: 'member' },
			{ organisation: 'b-afff-flensburg', role: 'member' },
			{ organisation: 'c-diakonie-slfl', role: 'guest' }
		],
		meetings: [
			{
				title: 'Austausch Gesundheitsversorgung',
				inDays: 14,
				start: '15:00',
				end: '16:30',
				location: null,
				onlineUrl: 'https://meet.kitz.example/frauen-familie',
				agenda: [
					{ title: 'Dolmetschen beim Arzt', presenter: null, start: '15:00', minutes: 45 },
					{ title: 'Hebammenversorgung im Kreis', presenter: null, start: '15:45', minutes: 45 }
				]
			}
		]
	},
	{
		name: 'Netzwerk Wohnen',
		description:
			'Wohnungsgesellschaften, Mieterberatung und Ämter suchen gemeinsam Wohnraum für Geflüchtete und beraten zu Miete und Energiekosten.',
		actionFields: ['housing'],
		coordinator: 'a-wbg-schlei-angeln',
		members: [
			{ organisation: 'a-wbg-schlei-angeln', role: 'speaker' },
			{ organisation: 'a-mieterberatung-grenzland', role: 'member' },
			{ organisation: 'a-energielotsen', role: 'member' },
			{ organisation: 'c-diakonie-slfl', role: 'member' },
			{ organisation: 'a-amt-suedangeln', role: 'guest' }
		],
		meetings: []
	},
	{
		name: 'Netzwerk Arbeit und Anerkennung',
		description:
			'Jobcenter, Arbeitsagentur, Kammern und Bildungsträger verbinden Berufssprachkurse, Anerkennung ausländischer Abschlüsse und den Weg in Arbeit.',
		actionFields: ['work'],
		coordinator: 'a-jobcenter-slfl',
		members: [
			{ organisation: 'a-jobcenter-slfl', role: 'speaker' },
			{ organisation: 'a-arbeitsagentur-flensburg', role: 'member' },
			{ organisation: 'a-iq-anerkennung-flensburg', role: 'member' },
			{ organisation: 'a-ihk-flensburg', role: 'member' },
			{ organisation: 'a-hwk-flensburg', role: 'member' },
			{ organisation: 'a-bildungswerk-angeln-schlei', role: 'guest' }
		],
		meetings: []
	},
	{
		name: 'Netzwerk Demokratie und Teilhabe',
		description:
			'Politische Bildung, Antidiskriminierungsberatung, Jugendarbeit und Gemeinden stärken Mitbestimmung und treten Ausgrenzung entgegen.',
		actionFields: ['democracy'],
		coordinator: 'b-lpb-flensburg',
		members: [
			{ organisation: 'b-lpb-flensburg', role: 'speaker' },
			{ organisation: 'c-adb-grenzland', role: 'member' },
			{ organisation: 'b-kjr-sl-fl', role: 'member' },
			{ organisation: 'b-gemeinde-harrislee', role: 'member' },
			{ organisation: 'b-amt-schafflund', role: 'guest' }
		],
		meetings: []
	},
	{
		name: 'Netzwerk Kultur und Werte',
		description:
			'Kirchen, Bibliotheken, Heimat- und Kulturvereine schaffen Begegnungen und Gespräche über Werte und Zusammenleben.',
		actionFields: ['culture_values'],
		coordinator: 'b-kirchenkreis-sl-fl',
		members: [
			{ organisation: 'b-kirchenkreis-sl-fl', role: 'speaker' },
			{ organisation: 'b-stadtbibliothek-schleswig', role: 'member' },
			{ organisation: 'b-dansk-centralbibliotek', role: 'member' },
			{ organisation: 'b-heimatverein-mittelangeln', role: 'member' },
			{ organisation: 'b-ukr-verein-flensburg', role: 'member' }
		],
		meetings: []
	},
	{
		name: 'Netzwerk Vereine und Ehrenamt',
		description:
			'Sportvereine, Freiwilligenagentur und Migrantenorganisationen öffnen das Vereinsleben und gewinnen Ehrenamtliche.',
		actionFields: ['associations'],
		coordinator: 'b-freiwilligenagentur-schleswig',
		members: [
			{ organisation: 'b-freiwilligenagentur-schleswig', role: 'speaker' },
			{ organisation: 'b-ksv-sl-fl', role: 'member' },
			{ organisation: 'b-tsv-kropp', role: 'member' },
			{ organisation: 'b-flensburger-turnerschaft', role: 'member' },
			{ organisation: 'b-sdkv-schleswig', role: 'member' },
			{ organisation: 'b-afff-flensburg', role: 'member' }
		],
		meetings: []
	},
	{
		name: 'Netzwerk Gesundheit',
		description:
			'Gesundheitsamt, Beratungsstellen, Hebammen und Sprachmittlung sorgen dafür, dass Zugewanderte Gesundheitsversorgung verstehen und erreichen.',
		actionFields: ['health'],
		coordinator: 'c-gesundheitsamt-slfl',
		members: [
			{ organisation: 'c-gesundheitsamt-slfl', role: 'speaker' },
			{ organisation: 'c-psz-grenzland', role: 'member' },
			{ organisation: 'c-hebammenverbund', role: 'member' },
			{ organisation: 'c-suchtberatung-schlei', role: 'member' },
			{ organisation: 'c-dolmetscherpool', role: 'member' },
			{ organisation: 'c-drk-slfl', role: 'guest' }
		],
		meetings: []
	},
	{
		name: 'Netzwerk Interkulturelle Öffnung',
		description:
			'Verwaltung, Beratungsdienste und Vereine öffnen ihre Angebote und ihr Personal für eine vielfältige Bevölkerung.',
		actionFields: ['intercultural_opening'],
		coordinator: 'c-kreis-personal',
		members: [
			{ organisation: 'c-kreis-personal', role: 'speaker' },
			{ organisation: 'c-adb-grenzland', role: 'member' },
			{ organisation: 'c-dolmetscherpool', role: 'member' },
			{ organisation: 'c-jmd-schleswig', role: 'member' },
			{ organisation: 'c-mbe-diakonie-fl', role: 'member' },
			{ organisation: 'b-ksv-sl-fl', role: 'guest' }
		],
		meetings: []
	}
];

/** The networks began when the concept did, before their first demo meeting. */
const FOUNDED_DAYS_AGO = 900;

const RESPONSES = ['yes', 'yes', 'maybe', 'no'] as const;
const ATTENDANCE = { yes: 'present', maybe: 'excused', no: 'absent' } as const;

async function organisationIds(db: Transaction<DB>, slugs: string[]) {
	const rows = await db
		.selectFrom('organisations')
		.select(['id', 'slug'])
		.where('slug', 'in', slugs)
		.execute();
	return new Map(rows.map((row) => [row.slug, row.id]));
}

async function seedMeeting(
	trx: Transaction<DB>,
	network: { id: number; districtId: number },
	meeting: DemoMeeting,
	today: string,
	now: Date,
	round = 0
) {
	const day = addDays(today, meeting.inDays);
	const past = meeting.inDays < 0;
	// A past meeting was planned a month ahead and invited to two weeks before it.
	const stamp = (daysBefore: number) =>
		past ? instantOn(addDays(day, -daysBefore)).toISOString() : now.toISOString();
	const id = await insertMeeting(trx, {
		networkId: network.id,
		uid: `meeting-${randomUUID()}@kitz`,
		title: meeting.title,
		startsAt: `${day}T${meeting.start}`,
		endsAt: `${day}T${meeting.end}`,
		location: meeting.location,
		onlineUrl: meeting.onlineUrl,
		description: '',
		createdAt: stamp(30)
	});
	for (const [index, item] of meeting.agenda.entries())
		await insertAgendaItem(trx, id, index + 1, {
			title: item.title,
			presenter: item.presenter,
			presenterContactId: null,
			startsAt: `${day}T${item.start}`,
			durationMinutes: item.minutes
		});
	if (!past) return;
	// The past meeting was invited to, answered and attended.
	const invited = await findEligibleContacts(trx, network.id, network.districtId, today);
	for (const [index, contact] of invited.entries()) {
		const inviteeId = await insertInvitee(trx, {
			meetingId: id,
			contactId: contact.id,
			tokenHash: hashToken(newToken()),
			invitedAt: stamp(14)
		});
		if (inviteeId === undefined) continue;
		const response = RESPONSES[(index + round) % RESPONSES.length]!;
		await setResponse(trx, inviteeId, response, stamp(7));
		await setAttendance(trx, id, inviteeId, ATTENDANCE[response]);
	}
	await updateMeetingRow(trx, id, { invitationsSentAt: stamp(14), updatedAt: stamp(0) });
}

const SEASONS = [
	'Winter',
	'Winter',
	'Frühjahr',
	'Frühjahr',
	'Frühjahr',
	'Sommer',
	'Sommer',
	'Sommer',
	'Herbst',
	'Herbst',
	'Herbst',
	'Winter'
];

/**
 * The network's regular meetings of the last two years, about every five months, so a report
 * for last year counts meetings and attendance in every network.
 */
function pastRounds(name: string, today: string): DemoMeeting[] {
	const shift = stableHash(name) % 30;
	return [60, 220, 380, 540].map((daysAgo, round) => {
		const day = addDays(today, -(daysAgo + shift));
		const season = SEASONS[Number(day.slice(5, 7)) - 1]!;
		return {
			title: `Netzwerktreffen ${season} ${day.slice(0, 4)}`,
			inDays: -(daysAgo + shift),
			start: '14:00',
			end: '16:00',
			location: round % 2 ? null : 'Kreishaus Schleswig, Flensburger Straße 7, Raum 214',
			onlineUrl: round % 2 ? 'https://meet.kitz.example/netzwerktreffen' : null,
			agenda: [
				{
					title: 'Begrüßung und Protokoll des letzten Treffens',
					presenter: 'KITZ',
					start: '14:00',
					minutes: 15
				},
				{
					title: 'Berichte aus den Mitgliedsorganisationen',
					presenter: null,
					start: '14:15',
					minutes: 60
				},
				{
					title: 'Gemeinsame Planung und Verschiedenes',
					presenter: null,
					start: '15:15',
					minutes: 45
				}
			]
		};
	});
}

/** Seeds the demo networks into a database that has none yet, in the caller's transaction; returns how many. */
export async function seedDemoNetworks(trx: Transaction<DB>, now = new Date()): Promise<number> {
	if (await trx.selectFrom('networks').select('id').limit(1).executeTakeFirst()) return 0;
	const district = await trx
		.selectFrom('districts')
		.select('id')
		.where('slug', '=', 'schleswig-flensburg')
		.executeTakeFirst();
	if (!district) return 0;
	const ids = await organisationIds(
		trx,
		NETWORKS.flatMap((network) => [
			network.coordinator,
			...network.members.map((m) => m.organisation)
		])
	);
	const today = berlinToday(now);
	for (const demo of NETWORKS) {
		const id = await insertNetwork(trx, {
			districtId: district.id,
			slug: `network-${randomUUID()}`,
			name: demo.name,
			description: demo.description,
			coordinatingOrganisationId: ids.get(demo.coordinator) ?? null,
			createdAt: instantOn(addDays(today, -FOUNDED_DAYS_AGO)).toISOString()
		});
		await setNetworkSlug(trx, id, `${slugify(demo.name)}-${id}`);
		await replaceActionFields(trx, id, demo.actionFields);
		for (const member of demo.members) {
			const organisationId = ids.get(member.organisation);
			if (organisationId === undefined)
				throw new Error(
					`Demo network "${demo.name}" names unknown organisation ${member.organisation}`
				);
			await insertMember(trx, {
				networkId: id,
				organisationId,
				contactId: null,
				role: member.role,
				joinedOn: addDays(today, -FOUNDED_DAYS_AGO)
			});
		}
		const meetings = [...pastRounds(demo.name, today), ...demo.meetings];
		for (const [round, meeting] of meetings.entries())
			await seedMeeting(trx, { id, districtId: district.id }, meeting, today, now, round);
	}
	return NETWORKS.length;
}
