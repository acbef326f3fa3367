import { expect, it } from 'vitest';
import { type Actor } from '../../src/lib/server/accounts/authorization.js';
import { ForbiddenError } from '../../src/lib/server/accounts/accounts.errors.js';
import type { Database } from '../../src/lib/server/db/database.js';
import { translator } from '../../src/lib/i18n/messages.js';
import { offerCells } from '../../src/lib/server/exchange/export-offer.js';
import {
	exportOffers,
	exportableOfferIds,
	loadExportOffers
} from '../../src/lib/server/exchange/export.service.js';
import {
	checkImport,
	runImport,
	type ImportReport
} from '../../src/lib/server/exchange/import.service.js';
import { MAX_FILE_BYTES, MAX_ROWS } from '../../src/lib/server/exchange/limits.js';
import { parseSearchParams } from '../../src/lib/server/search/search.schema.js';
import { createTestAccount } from '../factories/account.factory.js';
import { createOffer } from '../factories/offer.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { createDistrictsAndPlaces } from '../factories/place.factory.js';
import { describeEachDialect } from '../support/databases.js';

const NOW = new Date('2026-06-01T08:00:00Z');
const HEADER =
	'Titel;Kurzbeschreibung;Beschreibung;Träger;Handlungsfelder;Zielgruppen;Sprachen;Sprachniveau;' +
	'Sprachniveau am Ende;Kosten;Betrag;Kostenhinweis;Zugang;Barrierefreiheit;Straße;Ort;Online-Link;Termine;' +
	'Wiederholung;Gültig ab;Gültig bis;Kontakt Name;Kontakt Telefon;Kontakt E-Mail';
const GOOD: Record<string, string> = {
	Titel: 'Sprachcafé',
	Kurzbeschreibung: 'Deutsch sprechen bei Kaffee.',
	Handlungsfelder: 'Sprache, Vereine',
	Zielgruppen: 'Neu Zugewanderte',
	Sprachen: 'Deutsch, ar',
	Sprachniveau: 'A1',
	'Sprachniveau am Ende': 'A2',
	Zugang: 'ohne Anmeldung',
	Barrierefreiheit: 'Rollstuhlgerecht',
	Straße: 'Hafenstraße 2',
	Ort: '24376',
	Termine: '02.06.2026 15:00-17:00',
	Wiederholung: 'FREQ=WEEKLY;BYDAY=TU',
	'Gültig bis': '31.12.2026',
	'Kontakt Name': 'Frau Jensen',
	'Kontakt Telefon': '04642 555',
	'Kontakt E-Mail': 'cafe@example.org'
};

/** One CSV line in template column order, quoted where a cell holds the delimiter. */
function line(values: Record<string, string>, delimiter = ';'): string {
	return HEADER.split(';')
		.map((column) => values[column] ?? '')
		.map((cell) => (/[";,\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell))
		.join(delimiter);
}

type Person = Actor & { id: number };
const people = {} as Record<'coordinator' | 'partner' | 'viewer', Person>;
const organisations = {} as Record<'vhs' | 'awo' | 'diakonie', number>;
const offers = {} as Record<'course' | 'online' | 'draft' | 'flensburg', number>;

const csv = (...rows: (Record<string, string> | '')[]) => ({
	name: 'angebote.csv',
	bytes: new TextEncoder().encode(
		'\uFEFF' + [HEADER, ...rows.map((row) => (row ? line(row) : ''))].join('\r\n')
	)
});

async function seed(database: Database) {
	const db = database.db;
	const places = await createDistrictsAndPlaces(db);
	const { schleswigFlensburg, flensburg } = places.districts;
	organisations.vhs = await createOrganisation(db, {
		districtId: schleswigFlensburg,
		name: 'Volkshochschule Kappeln'
	});
	organisations.awo = await createOrganisation(db, {
		districtId: schleswigFlensburg,
		name: 'AWO Kreisverband Schleswig-Flensburg'
	});
	organisations.diakonie = await createOrganisation(db, {
		districtId: flensburg,
		name: 'Diakonie Flensburg'
	});
	const person = async (role: Person['role'], organisationIds: number[] = []) => {
		const account = await createTestAccount(db, {
			districtId: schleswigFlensburg,
			role,
			organisationIds
		});
		return { id: account.id, role, districtId: schleswigFlensburg, organisationIds };
	};
	people.coordinator = await person('coordinator');
	people.partner = await person('partner_editor', [organisations.vhs]);
	people.viewer = await person('viewer');

	offers.course = await createOffer(
		db,
		{
			organisationId: organisations.vhs,
			placeId: await places.place('Kappeln'),
			title: 'Abendkurs Deutsch',
			summary: 'Deutsch am Abend; in kleiner Gruppe.',
			description: '- mit **Kinderbetreuung**\n- "Lernen" mit Spaß',
			actionFields: ['language', 'women'],
			targetGroups: ['newcomers', 'women'],
			languages: ['de', 'ar', 'uk'],
			languageLevel: 'A1',
			languageLevelExit: 'A2',
			cost: { kind: 'reduced', cents: 2550, note: 'pro Kurs; mit Gutschein frei' },
			access: 'registration',
			accessibility: ['childcare', 'wheelchair'],
			schedule: {
				kind: 'recurring',
				entries: [
					{
						startsAt: '2026-06-02T18:00',
						endsAt: '2026-06-02T19:30',
						rrule: 'FREQ=WEEKLY;BYDAY=TU,TH'
					}
				]
			},
			validFrom: '2026-05-01',
			validTo: '2026-12-31',
			contact: { name: 'Frau Petersen', phone: '+49 4642 1234', email: 'kurs@example.org' }
		},
		NOW
	);
	offers.online = await createOffer(
		db,
		{
			organisationId: organisations.awo,
			title: '=Beratung online',
			summary: 'Beratung per Video.',
			actionFields: ['work'],
			languages: ['de', 'fa'],
			cost: { kind: 'amount', cents: 500 },
			schedule: {
				kind: 'dates',
				entries: [
					{ startsAt: '2026-06-10T10:00', endsAt: '2026-06-10T12:00' },
					{ startsAt: '2026-06-17T10:00' }
				]
			},
			location: { kind: 'online', url: 'https://beratung.example.org/raum' }
		},
		NOW
	);
	offers.draft = await createOffer(
		db,
		{
			organisationId: organisations.vhs,
			title: 'Entwurf',
			actionFields: ['language'],
			status: 'draft'
		},
		NOW
	);
	offers.flensburg = await createOffer(
		db,
		{ organisationId: organisations.diakonie, title: 'Flensburger Angebot' },
		NOW
	);
}

async function offerCount(database: Database) {
	const row = await database.db
		.selectFrom('offers')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.executeTakeFirstOrThrow();
	return Number(row.count);
}

function problemsOf(report: ImportReport) {
	expect(report.status).toBe('invalid');
	return report.status === 'invalid' ? report.problems : [];
}

const noFilters = parseSearchParams(new URLSearchParams()).filters;

// One database per dialect: an import that succeeds writes drafts, which no export or count here
// includes, and the import test reads only the audit entries written while it ran.
describeEachDialect(
	'offer import and export',
	({ database }) => {
		it('reports every problem of a dry run with row and column, and writes nothing', async () => {
			const before = await offerCount(database());
			const report = await checkImport(database().db, people.partner, {
				organisationId: null,
				file: csv(
					GOOD,
					'',
					{
						...GOOD,
						Handlungsfelder: 'Sprachkurs, Arbeit',
						'Gültig ab': '32.13.2026',
						'Sprachniveau am Ende': 'A1'
					},
					{
						...GOOD,
						Titel: '',
						Sprachen: 'Klingonisch',
						Sprachniveau: '',
						Kosten: 'kostenpflichtig',
						Zugang: '',
						Ort: 'Atlantis',
						Termine: '02.06.2026',
						Wiederholung: '',
						'Kontakt E-Mail': 'nobody'
					},
					{
						...GOOD,
						Träger: 'AWO Kreisverband Schleswig-Flensburg',
						Straße: '',
						Ort: '',
						'Online-Link': 'www.example.org/kurs',
						Termine: '02.06.2026 18:00',
						Wiederholung: 'FREQ=SOMETIMES'
					}
				)
			});
			const found = problemsOf(report).map(
				(p) => `${p.row} ${p.column} ${p.key.split('.').at(-1)}`
			);
			expect(found).toEqual([
				'4 Handlungsfelder unknownActionField',
				'4 Gültig ab badDate',
				'4 Sprachniveau am Ende exitLevelNotAbove',
				'5 Sprachen unknownLanguage',
				'5 Betrag amountMissing',
				'5 Ort unknownPlace',
				'5 Termine badDateTime',
				'5 Titel required',
				'5 Sprachniveau required',
				'5 Zugang required',
				'5 Kontakt E-Mail badEmail',
				'6 Träger foreignOrganisation',
				'6 Wiederholung badRrule'
			]);
			const t = translator('de');
			const first = problemsOf(report)[0]!;
			expect(t(first.key, first.params)).toMatch(
				/^„Sprachkurs“ ist kein bekanntes Handlungsfeld\. Erlaubt sind: Wohnen, Sprache, Arbeit/
			);
			expect(translator('en')(first.key, first.params)).toContain('is not a known action field');
			expect(await offerCount(database())).toBe(before);
		});

		it('imports a CSV with ; and BOM as drafts, all in one go, with an audit entry', async () => {
			const auditBefore = await database().db.selectFrom('auditLog').select('id').execute();
			const report = await runImport(
				database().db,
				people.partner,
				{ organisationId: null, file: csv(GOOD, { ...GOOD, Titel: 'Nähcafé' }) },
				NOW
			);
			expect(report.status).toBe('imported');
			const ids = report.status === 'imported' ? report.offerIds : [];
			const [cafe] = await loadExportOffers(database().db, ids);
			expect(cafe).toMatchObject({
				title: 'Sprachcafé',
				organisation: { id: organisations.vhs },
				actionFields: ['associations', 'language'],
				languages: ['ar', 'de'],
				languageLevel: 'A1',
				languageLevelExit: 'A2',
				cost: { kind: 'free' },
				access: 'walk_in',
				location: { kind: 'address', street: 'Hafenstraße 2', place: { name: 'Kappeln' } },
				schedule: {
					kind: 'recurring',
					entries: [
						{
							startsAt: '2026-06-02T15:00',
							endsAt: '2026-06-02T17:00',
							rrule: 'FREQ=WEEKLY;BYDAY=TU'
						}
					]
				},
				validTo: '2026-12-31'
			});
			const statuses = await database()
				.db.selectFrom('offers')
				.select('status')
				.where('id', 'in', ids)
				.execute();
			expect(statuses.map((row) => row.status)).toEqual(['draft', 'draft']);
			const audit = (
				await database()
					.db.selectFrom('auditLog')
					.select(['id', 'action', 'userId', 'after'])
					.where('action', '=', 'offers.imported')
					.execute()
			).filter((entry) => !auditBefore.some((before) => before.id === entry.id));
			expect(audit).toHaveLength(1);
			expect(audit[0]!.userId).toBe(people.partner.id);
			expect(JSON.parse(audit[0]!.after!)).toMatchObject({ offerIds: ids, format: 'csv' });
		});

		it('writes nothing when one row of many is wrong', async () => {
			const before = await offerCount(database());
			const report = await runImport(
				database().db,
				people.coordinator,
				{
					organisationId: organisations.awo,
					file: csv(GOOD, GOOD, { ...GOOD, Ort: '99999' })
				},
				NOW
			);
			expect(problemsOf(report)).toEqual([
				expect.objectContaining({
					row: 4,
					column: 'Ort',
					key: 'office.import.problem.unknownPlace'
				})
			]);
			expect(await offerCount(database())).toBe(before);
		});

		it('reads comma-separated CSV in Windows-1252 as older Excel writes it', async () => {
			const text = [HEADER.replaceAll(';', ','), line(GOOD, ',')].join('\n');
			// Windows-1252 matches Unicode for every letter used here (é, ß, ü).
			const bytes = Uint8Array.from([...text], (char) => char.charCodeAt(0));
			expect(Math.max(...bytes)).toBeLessThan(256);
			const report = await checkImport(database().db, people.partner, {
				organisationId: organisations.vhs,
				file: { name: 'alt.csv', bytes }
			});
			expect(report).toMatchObject({
				status: 'valid',
				offers: [{ row: 2, title: 'Sprachcafé', where: 'Hafenstraße 2, 24376' }]
			});
		});

		it('round-trips an XLSX export through the importer into equal offers', async () => {
			const exported = await exportOffers(
				database().db,
				people.coordinator,
				parseSearchParams(new URLSearchParams('field=language&field=work')).filters,
				'xlsx',
				{ origin: 'https://kitz.example', now: NOW }
			);
			expect(exported.count).toBe(2);
			const report = await runImport(
				database().db,
				people.coordinator,
				{
					organisationId: null,
					file: { name: exported.filename, bytes: exported.body as Uint8Array }
				},
				NOW
			);
			expect(report.status).toBe('imported');
			const ids = report.status === 'imported' ? report.offerIds : [];
			const cells = async (offerIds: number[]) =>
				(await loadExportOffers(database().db, offerIds))
					.map(offerCells)
					.sort((a, b) => a.title.localeCompare(b.title));
			expect(await cells(ids)).toEqual(await cells([offers.course, offers.online]));
			expect((await cells(ids)).map((offer) => offer.languageLevelExit)).toEqual(['', 'A2']);
			expect((await cells(ids)).map((offer) => offer.title)).toEqual([
				'=Beratung online',
				'Abendkurs Deutsch'
			]);
		});

		it('exports CSV for German Excel that reads back unchanged', async () => {
			const exported = await exportOffers(database().db, people.viewer, noFilters, 'csv', {
				origin: 'https://kitz.example',
				now: NOW
			});
			const text = exported.body as string;
			expect(text.startsWith('\uFEFFTitel;Kurzbeschreibung;')).toBe(true);
			// Formula-like text is kept as text, for spreadsheet programs and for the importer.
			expect(text).toContain("'=Beratung online");
			expect(text).toContain('"Deutsch am Abend; in kleiner Gruppe."');
			expect(text).toContain(';Sprachniveau;Sprachniveau am Ende;Kosten;');
			expect(text).toContain(';A1;A2;ermäßigt möglich;');
			const report = await checkImport(database().db, people.coordinator, {
				organisationId: null,
				file: { name: exported.filename, bytes: new TextEncoder().encode(text) }
			});
			expect(report).toMatchObject({ status: 'valid', rows: 2 });
			if (report.status === 'valid') expect(report.offers[1]!.title).toBe('=Beratung online');
		});

		it('names the file by the day in Berlin, not in UTC', async () => {
			// 23:30 UTC on New Year's Eve is already New Year's Day in Flensburg.
			const exported = await exportOffers(database().db, people.viewer, noFilters, 'csv', {
				origin: 'https://kitz.example',
				now: new Date('2026-12-31T23:30:00Z')
			});
			expect(exported.filename).toBe('kitz-angebote-2027-01-01.csv');
		});

		it('exports Open Referral HSDS 3.0 services with their organization, location and schedule', async () => {
			const exported = await exportOffers(database().db, people.coordinator, noFilters, 'hsds', {
				origin: 'https://kitz.example',
				now: NOW
			});
			const list = JSON.parse(exported.body as string);
			expect(list).toMatchObject({ total_items: 2, page_number: 1, empty: false });
			const course = list.contents.find((s: { name: string }) => s.name === 'Abendkurs Deutsch');
			const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
			expect(course.id).toMatch(uuid);
			expect(course).toMatchObject({
				status: 'active',
				url: expect.stringMatching(/^https:\/\/kitz\.example\/de\/offers\/abendkurs-deutsch-\d+$/),
				organization_id: course.organization.id,
				organization: { name: 'Volkshochschule Kappeln', description: '' },
				languages: [
					{ code: 'ar', name: 'Arabisch' },
					{ code: 'de', name: 'Deutsch' },
					{ code: 'uk', name: 'Ukrainisch' }
				],
				cost_options: [{ currency: 'EUR', amount: 25.5, option: 'ermäßigt möglich' }],
				contacts: [{ name: 'Frau Petersen', phones: [{ number: '+49 4642 1234' }] }],
				phones: [{ number: '+49 4642 1234' }],
				schedules: [
					{
						freq: 'WEEKLY',
						interval: 1,
						byday: 'TU,TH',
						dtstart: '2026-06-02',
						opens_at: '18:00',
						closes_at: '19:30',
						valid_from: '2026-05-01',
						valid_to: '2026-12-31'
					}
				]
			});
			const { location } = course.service_at_locations[0];
			expect(location).toMatchObject({
				location_type: 'physical',
				latitude: 54.66122,
				addresses: [
					{
						address_1: 'Hauptstraße 1',
						city: 'Kappeln',
						postal_code: '24376',
						state_province: 'Schleswig-Holstein',
						country: 'DE',
						address_type: 'physical'
					}
				]
			});
			const online = list.contents.find((s: { name: string }) => s.name === '=Beratung online');
			expect(online.service_at_locations[0].location).toMatchObject({
				location_type: 'virtual',
				url: 'https://beratung.example.org/raum'
			});
			expect(online.schedules.map((s: { dtstart: string }) => s.dtstart)).toEqual([
				'2026-06-10',
				'2026-06-17'
			]);
			// Identifiers stay the same from one export to the next.
			const again = await exportOffers(database().db, people.coordinator, noFilters, 'hsds', {
				origin: 'https://kitz.example',
				now: NOW
			});
			expect(JSON.parse(again.body as string).contents[0].id).toBe(list.contents[0].id);
		});

		it('lets each role import and export only what the policy allows', async () => {
			const db = database().db;
			const file = csv(GOOD);
			await expect(
				checkImport(db, people.partner, { organisationId: organisations.awo, file })
			).rejects.toThrow(ForbiddenError);
			await expect(
				runImport(db, people.viewer, { organisationId: null, file }, NOW)
			).rejects.toThrow(ForbiddenError);
			await expect(
				checkImport(db, people.viewer, { organisationId: organisations.vhs, file })
			).rejects.toThrow(ForbiddenError);
			const coordinator = await checkImport(db, people.coordinator, {
				organisationId: null,
				file: csv({ ...GOOD, Träger: 'Diakonie Flensburg' })
			});
			expect(problemsOf(coordinator)[0]).toMatchObject({
				column: 'Träger',
				key: 'office.import.problem.unknownOrganisation'
			});

			const exportable = async (person: Person) =>
				(await exportableOfferIds(db, person, noFilters, { now: NOW })).ids.sort();
			expect(await exportable(people.partner)).toEqual([offers.course]);
			expect(await exportable(people.viewer)).toEqual([offers.course, offers.online].sort());
		});

		it('names what is wrong with a file as a whole', async () => {
			const check = (name: string, bytes: Uint8Array | string) =>
				checkImport(database().db, people.coordinator, {
					organisationId: organisations.vhs,
					file: { name, bytes: typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes }
				});
			const keyOf = async (report: Promise<ImportReport>) =>
				problemsOf(await report).map((p) => [p.key.split('.').at(-1), p.params]);
			expect(await keyOf(check('leer.csv', ''))).toEqual([['empty', undefined]]);
			expect(await keyOf(check('nur-kopf.csv', HEADER + '\n\n'))).toEqual([['noRows', undefined]]);
			expect(await keyOf(check('bild.pdf', '%PDF-1.4'))).toEqual([['wrongFormat', undefined]]);
			expect(await keyOf(check('alt.xls', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 1])))).toEqual([
				['oldExcel', undefined]
			]);
			expect(await keyOf(check('kaputt.xlsx', Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0])))).toEqual([
				['xlsxUnreadable', undefined]
			]);
			expect(await keyOf(check('a.csv', 'Titel;Farbe;Ort\nKurs;blau;Kappeln'))).toEqual([
				[
					'missingColumns',
					{ columns: '„Kurzbeschreibung“, „Handlungsfelder“, „Sprachen“, „Sprachniveau“, „Zugang“' }
				],
				[
					'unknownColumns',
					{ columns: '„Farbe“', allowed: expect.stringMatching(/^Titel, Kurzbeschreibung, /) }
				]
			]);
			expect(await keyOf(check('a.csv', `${HEADER}\n"Kurs;Text`))).toEqual([
				['csvQuoteNotClosed', { line: 2 }]
			]);
			const many = [HEADER, ...Array.from({ length: MAX_ROWS + 1 }, () => line(GOOD))].join('\n');
			expect(await keyOf(check('viele.csv', many))).toEqual([
				['tooManyRows', { count: MAX_ROWS + 1, max: MAX_ROWS }]
			]);
			expect(await keyOf(check('gross.csv', new Uint8Array(MAX_FILE_BYTES + 1)))).toEqual([
				['tooLarge', { size: '5 MB', max: '5 MB' }]
			]);
		});
	},
	seed
);
