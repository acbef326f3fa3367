import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/messages.js';
import type { GapMatrix } from './coverage.service.js';
import { gapMatrixRows } from './gap-export.js';

const stage = {
	chainId: 1,
	isOptional: false,
	onlineCounts: false,
	qualifying: 2,
	gaps: { municipalities: 1, inhabitants: 900, unknownPopulation: 0 }
};
const municipality = (placeId: number, name: string, population: number | null) => ({
	placeId,
	ags: `0105900${placeId}`,
	name,
	amt: placeId === 1 ? null : 'Amt Geltinger Bucht',
	population,
	lat: 54.6,
	lon: 9.9
});
const offer = {
	id: 7,
	slug: 'ik',
	title: { text: 'Integrationskurs', lang: 'de', fallback: false, status: 'reviewed' as const }
};

const matrix: GapMatrix = {
	language: null,
	sort: 'amt',
	chains: [
		{
			id: 1,
			title: 'Sprache bis Arbeit',
			stages: [{ ...stage, id: 10, title: 'Integrationskurs', step: 1, reachKm: 25 }]
		}
	],
	rows: [
		{
			municipality: municipality(1, 'Kappeln', 8_700),
			cells: [
				{
					nearest: { offerId: 7, distanceKm: 0 },
					onlineExists: false,
					languages: ['ar', 'de'],
					covered: true,
					nearestOffer: offer
				}
			]
		},
		{
			municipality: municipality(2, 'Gelting', null),
			cells: [
				{
					nearest: { offerId: 7, distanceKm: 31.4649 },
					onlineExists: false,
					languages: [],
					covered: false,
					nearestOffer: offer
				}
			]
		}
	],
	inhabitants: 8_700,
	withoutPopulation: ['Gelting']
};

describe('gapMatrixRows', () => {
	it('writes a row per municipality with four columns per stage, distances as the page rounds them', () => {
		const rows = gapMatrixRows(matrix, translator('de'));
		expect(rows[0]).toEqual([
			'Gemeinde',
			'Amt',
			'Gemeindeschlüssel',
			'Einwohner',
			'Sprache bis Arbeit · 1. Integrationskurs – Entfernung (km)',
			'Sprache bis Arbeit · 1. Integrationskurs – Abdeckung',
			'Sprache bis Arbeit · 1. Integrationskurs – nächstes Angebot',
			'Sprache bis Arbeit · 1. Integrationskurs – Sprachen in Reichweite'
		]);
		expect(rows.slice(1)).toEqual([
			['Kappeln', '', '01059001', 8_700, 0, 'am Ort', 'Integrationskurs', 'Arabisch, Deutsch'],
			['Gelting', 'Amt Geltinger Bucht', '01059002', '', 31.5, 'Lücke', 'Integrationskurs', '']
		]);
	});

	it('names the columns in English on an English page', () => {
		const rows = gapMatrixRows(matrix, translator('en'));
		expect(rows[0]![0]).toBe('Municipality');
		expect(rows[2]![5]).toBe('Gap');
	});
});
