import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { ACTION_FIELDS } from '../../src/lib/server/action-fields/action-fields.js';
import { ForbiddenError } from '../../src/lib/server/accounts/accounts.errors.js';
import type { Actor } from '../../src/lib/server/accounts/authorization.js';
import type { Database } from '../../src/lib/server/db/database.js';
import { updateMeetingRow } from '../../src/lib/server/meetings/meetings.repository.js';
import { InvalidReportPeriodError } from '../../src/lib/server/reports/reports.errors.js';
import { reportFile } from '../../src/lib/server/reports/yearly-report-files.service.js';
import { yearlyReport } from '../../src/lib/server/reports/yearly-report.service.js';
import { reportView, type ReportTable } from '../../src/lib/server/reports/yearly-report.view.js';
import { readCsv } from '../../src/lib/shared/files/csv.js';
import { readXlsx } from '../../src/lib/shared/files/xlsx.js';
import { createTestContact } from '../factories/contact.factory.js';
import { createTestMeeting } from '../factories/meeting.factory.js';
import { createTestNetwork } from '../factories/network.factory.js';
import { createOffer } from '../factories/offer.factory.js';
import { createOrganisation } from '../factories/organisation.factory.js';
import { createDistrictsAndPlaces } from '../factories/place.factory.js';
import { docxText, pdfText } from '../support/documents.js';
import { describeEachDialect } from '../support/databases.js';

// 2025 and 2024 are closed; the first quarter of 2026 runs.
const NOW = new Date('2026-03-10T10:00:00.000Z');
const LATER = new Date('2026-03-20T10:00:00.000Z');
let districtId = 0;
let organisationId = 0;
let networkId = 0;
let coordinator: Actor;
let viewer: Actor;
let partner: Actor;

const at = (day: string) => new Date(`${day}T09:00:00.000Z`);

async function seed(database: Database) {
	const db = database.db;
	const places = await createDistrictsAndPlaces(db);
	districtId = places.districts.schleswigFlensburg;
	organisationId = await createOrganisation(db, { districtId });
	coordinator = { role: 'coordinator', districtId, organisationIds: [] };
	viewer = { role: 'viewer', districtId, organisationIds: [] };
	partner = { role: 'partner_editor', districtId, organisationIds: [organisationId] };
	const [kappeln, schleswig] = await Promise.all([
		places.place('Kappeln'),
		places.place('Schleswig')
	]);
	const offer = (
		day: string,
		fields: (typeof ACTION_FIELDS)[number][],
		placeId?: number,
		validTo?: string
	) => createOffer(db, { organisationId, placeId, actionFields: fields, validTo }, at(day));
	// 2024: a course in Kappeln and a health offer there that ended with the year.
	await offer('2024-03-01', ['language'], kappeln);
	await offer('2024-02-01', ['health'], kappeln, '2024-12-31');
	// 2025: a course in Schleswig (language and work) and an online group for women.
	await offer('2025-05-01', ['language', 'work'], schleswig);
	await offer('2025-06-01', ['women']);
	// Elsewhere: not the district's.
	const other = await createOrganisation(db, { districtId: places.districts.flensburg });
	await createOffer(db, { organisationId: other, actionFields: ['language'] }, at('2025-01-10'));

	networkId = await createTestNetwork(db, { districtId, name: 'Netzwerk Sprache' });
	await createTestNetwork(db, { districtId, name: 'Netzwerk Wohnen', actionFields: ['housing'] });
	const people = await Promise.all(
		[1, 2, 3].map(() => createTestContact(db, { districtId, networkConsent: true }))
	);
	const invitees = (present: number) =>
		people.map((contactId, index) => ({
			contactId,
			attendance: index < present ? ('present' as const) : ('absent' as const)
		}));
	await createTestMeeting(db, { networkId, startsAt: '2024-05-02T14:00', invitees: invitees(3) });
	await createTestMeeting(db, { networkId, startsAt: '2025-03-10T14:00', invitees: invitees(2) });
	await createTestMeeting(db, { networkId, startsAt: '2025-09-01T14:00', invitees: invitees(1) });
	const cancelled = await createTestMeeting(db, {
		networkId,
		startsAt: '2025-10-01T14:00',
		invitees: invitees(3)
	});
	await updateMeetingRow(db, cancelled.id, { updatedAt: NOW.toISOString(), status: 'cancelled' });
}

const table = (tables: ReportTable[], key: string) => tables.find((t) => t.key === key)!;
const tablesOf = async (db: Database['db'], period: string, now = NOW) =>
	reportView(await yearlyReport(db, coordinator, period, now), 'de').sections.flatMap(
		(section) => section.tables
	);

describeEachDialect(
	'yearly report',
	({ database }) => {
		it('counts meetings held, attendances and offers per action field and municipality, with the change', async () => {
			const report = await yearlyReport(database().db, coordinator, '2025', NOW);
			expect(report.district).toBe('Kreis Schleswig-Flensburg');
			expect(report.current.figures.meetings.networks).toEqual([
				{ networkId, networkName: 'Netzwerk Sprache', meetings: 2, attendances: 3 }
			]);
			expect(report.previous.figures.meetings.networks[0]).toMatchObject({
				meetings: 1,
				attendances: 3
			});

			const tables = reportView(report, 'de').sections.flatMap((section) => section.tables);
			expect(table(tables, 'offers-by-action-field').rows).toEqual([
				['Wohnen', 0, 0, 0],
				['Sprache', 1, 2, 1],
				['Arbeit', 0, 1, 1],
				['Demokratie', 0, 0, 0],
				['Kultur und Werte', 0, 0, 0],
				['Vereine', 0, 0, 0],
				['Frauen', 0, 1, 1],
				['Gesundheit', 1, 0, -1],
				['Interkulturelle Öffnung', 0, 0, 0]
			]);
			const places = table(tables, 'offers-by-municipality').rows;
			expect(places.slice(0, 2)).toEqual([
				['Kappeln', '', 2, 1, -1],
				['Schleswig', '', 0, 1, 1]
			]);
			// Every municipality of the district shows, those without offers as gaps.
			expect(places.map((row) => row[0])).toContain('Gelting');
			expect(places.slice(-2)).toEqual([
				['Nur online', '', 0, 1, 1],
				['Insgesamt', '', 2, 3, 1]
			]);
			expect(table(tables, 'meetings-by-network').rows).toEqual([
				['Netzwerk Sprache', 2, 3],
				['Insgesamt', 2, 3]
			]);
		});

		it('freezes a closed period the first time, so later changes leave its figures alone', async () => {
			const db = database().db;
			const before = await yearlyReport(db, coordinator, '2025', NOW);
			expect(before.current.frozenAt).toBe(NOW.toISOString());

			// Data changes afterwards: an offer and a meeting dated into 2025.
			await createOffer(db, { organisationId, actionFields: ['language'] }, at('2025-07-01'));
			await createTestMeeting(db, { networkId, startsAt: '2025-11-05T14:00' });
			const after = await yearlyReport(db, coordinator, '2025', LATER);
			expect(after.current).toEqual(before.current);
			expect(after.previous).toEqual(before.previous);
			expect(await tablesOf(db, '2025', LATER)).toEqual(await tablesOf(db, '2025', NOW));

			// The running quarter is live and provisional: it sees the new offer.
			const running = await yearlyReport(db, coordinator, '2026-Q1', LATER);
			expect(running.current.frozenAt).toBeNull();
			expect(running.current.figures.offers.total).toBe(after.current.figures.offers.total + 1);
			expect(reportView(running, 'de').provisional).toBe(true);
		});

		it('counts in the running period only the meetings that have taken place', async () => {
			const db = database().db;
			await createTestMeeting(db, { networkId, startsAt: '2026-03-05T14:00' });
			await createTestMeeting(db, { networkId, startsAt: '2026-03-25T14:00' });
			const running = await yearlyReport(db, coordinator, '2026-Q1', NOW);
			expect(running.current.figures.meetings.networks[0]).toMatchObject({ meetings: 1 });
		});

		it('adds a section an older snapshot lacks and keeps the frozen ones', async () => {
			const db = database().db;
			const frozen = await yearlyReport(db, coordinator, '2024', NOW);
			const stored = await db
				.selectFrom('reportSnapshots')
				.select('figures')
				.where('period', '=', '2024')
				.executeTakeFirstOrThrow();
			// As if the snapshot was taken before the meetings section existed.
			const older = JSON.parse(stored.figures);
			delete older.meetings;
			await db
				.updateTable('reportSnapshots')
				.set({ figures: JSON.stringify({ ...older, offers: { ...older.offers, total: 99 } }) })
				.where('period', '=', '2024')
				.execute();

			const again = await yearlyReport(db, coordinator, '2024', LATER);
			expect(again.current.figures.offers.total).toBe(99);
			expect(again.current.figures.meetings).toEqual(frozen.current.figures.meetings);
			const updated = await db
				.selectFrom('reportSnapshots')
				.select('figures')
				.where('period', '=', '2024')
				.executeTakeFirstOrThrow();
			expect(Object.keys(JSON.parse(updated.figures)).sort()).toEqual([
				'budget',
				'committees',
				'concept',
				'measures',
				'meetings',
				'offers'
			]);
		});

		it('lets staff and viewers read the report, not partners, and refuses unknown periods', async () => {
			const db = database().db;
			await expect(yearlyReport(db, viewer, '2025-H2', NOW)).resolves.toBeDefined();
			await expect(yearlyReport(db, partner, '2025', NOW)).rejects.toBeInstanceOf(ForbiddenError);
			for (const period of ['2025-H3', '1999', 'x', '2026-Q2'])
				await expect(yearlyReport(db, coordinator, period, NOW)).rejects.toBeInstanceOf(
					InvalidReportPeriodError
				);
		});

		it('shows the same figures in the DOCX, the PDF, the XLSX and the CSV', async () => {
			const db = database().db;
			const file = (name: string) => reportFile(db, coordinator, '2025', name, 'de', NOW);
			const workbook = (await file('offers-by-action-field.xlsx')).body as Uint8Array;
			const xlsx = await readXlsx(workbook);
			// Numbers stay numbers, for the spreadsheet to add up.
			const sheet = new ExcelJS.Workbook();
			await sheet.xlsx.load(Buffer.from(workbook) as never);
			expect(sheet.worksheets[0]!.getCell('D9').value).toBe(-1);
			expect(xlsx[0]).toEqual(['Handlungsfeld', '2024', '2025', 'Veränderung']);
			expect(xlsx).toContainEqual(['Sprache', '1', '2', '1']);
			expect(xlsx).toContainEqual(['Gesundheit', '1', '0', '-1']);
			const csv = readCsv(
				new TextEncoder().encode((await file('offers-by-municipality.csv')).body as string)
			);
			expect(csv).toContainEqual(['Kappeln', '', '2', '1', '-1']);

			const docx = (await docxText((await file('report.docx')).body as Uint8Array)).text;
			const pdf = (await pdfText((await file('report.pdf')).body as Uint8Array)).text;
			for (const text of [docx, pdf]) {
				expect(text).toContain('KITZ-Bericht 2025');
				expect(text).toContain('Zusammenfassung');
				expect(text).toContain('3 (vorher 2, Veränderung +1)');
				for (const row of xlsx.slice(1)) {
					const [label, before, now, change] = row;
					const signed = Number(change) > 0 ? `+${change}` : change;
					expect(text).toContain(`${label} ${before} ${now} ${signed}`);
				}
				expect(text).toContain('Kappeln 2 1 -1');
				expect(text).toContain('Netzwerk Sprache 2 3');
			}
			await expect(file('nothing.xlsx')).rejects.toThrow();
		}, 60_000);
	},
	seed,
	{ isolation: 'test' }
);
