import { describe, expect, it } from 'vitest';
import { cellsOf, COLUMNS, mapHeader } from './columns.js';

describe('template columns', () => {
	it('matches headers regardless of case, ß/ss, dashes and known aliases', () => {
		const mapping = mapHeader([
			'TITEL',
			'kurzbeschreibung',
			'Handlungsfelder',
			'Sprachen',
			'Sprachniveau',
			'Zugang',
			'Strasse',
			'Ort',
			'Onlinelink',
			'Gueltig ab',
			'Organisation'
		]);
		expect(mapping).toMatchObject({ missing: [], unknown: [], duplicate: [] });
		expect(mapping.positions).toMatchObject({
			street: 6,
			onlineUrl: 8,
			validFrom: 9,
			organisation: 10
		});
	});

	it('names missing, unknown and doubled columns', () => {
		const mapping = mapHeader(['Titel', 'Titel', 'Farbe', '', 'Online-Link']);
		expect(mapping.missing).toEqual([
			'Kurzbeschreibung',
			'Handlungsfelder',
			'Sprachen',
			'Sprachniveau',
			'Zugang'
		]);
		expect(mapping.unknown).toEqual(['Farbe']);
		expect(mapping.duplicate).toEqual(['Titel']);
		expect(mapHeader(['Titel']).missing.at(-1)).toBe('Ort / Online-Link');
	});

	it('reads a row by column, empty where the file has no such column or cell', () => {
		const mapping = mapHeader(COLUMNS.map((column) => column.header).slice(0, 3));
		expect(cellsOf([' Kurs ', 'Text'], mapping)).toMatchObject({
			title: 'Kurs',
			summary: 'Text',
			description: '',
			place: ''
		});
	});
});
