import { describe, expect, it } from 'vitest';
import { docxText, pdfText } from '../../../../tests/support/documents.js';
import JSZip from 'jszip';
import { barChart } from '../charts/bar-chart.js';
import { chartBlock } from '../charts/chart-block.js';
import type { DocumentModel } from './document.js';
import { documentDocx } from './document-docx.js';
import { documentPdf } from './document-pdf.js';

const model = (rows: number): DocumentModel => ({
	title: 'Jahresbericht Vielfalt',
	subject: 'Landkreis Süd',
	language: 'de',
	fileName: 'bericht',
	blocks: [
		{ kind: 'heading', level: 1, text: 'Handlungsfeld Sprache' },
		{ kind: 'facts', rows: [['Zeitraum', '2026']] },
		{ kind: 'heading', level: 2, text: 'Ziele' },
		{ kind: 'heading', level: 3, text: 'Kennzahlen' },
		{ kind: 'paragraph', runs: [{ text: 'Erreicht: ' }, { text: 'viel', bold: true }] },
		{ kind: 'bullet', depth: 0, runs: [{ text: 'Punkt eins' }] },
		{ kind: 'bullet', depth: 1, number: 2, runs: [{ text: 'Punkt zwei' }] },
		{
			kind: 'table',
			header: ['Kennzahl', 'Wert', 'Ziel'],
			rows: Array.from({ length: rows }, (_, index) => [`Zeile ${index + 1}`, String(index), ''])
		}
	]
});

describe('document renderers', () => {
	it('write every block of the model into the DOCX, the table with a repeating header', async () => {
		const { xml, text } = await docxText(await documentDocx(model(3)));
		for (const part of ['Jahresbericht Vielfalt', 'Handlungsfeld Sprache', 'Zeitraum 2026'])
			expect(text).toContain(part);
		expect(text).toContain('Kennzahlen');
		expect(text).toContain('Erreicht: viel');
		expect(text).toContain('Punkt zwei');
		expect(text).toMatch(/Kennzahl Wert Ziel Zeile 1 0 Zeile 2 1 Zeile 3 2/);
		expect(xml).toContain('<w:tblHeader/>');
		expect(xml).toContain('w:val="Heading3"');
	}, 30_000);

	it('write every block into the PDF and repeat the table header on each page', async () => {
		const short = await pdfText(await documentPdf(model(3)));
		expect(short.pages).toBe(1);
		for (const part of ['Jahresbericht Vielfalt', 'Handlungsfeld Sprache', 'Kennzahlen'])
			expect(short.text).toContain(part);
		expect(short.text).toContain('Punkt zwei');
		expect(short.text).toMatch(/Kennzahl Wert Ziel Zeile 1 0 Zeile 2 1 Zeile 3 2/);
		expect(short.text).toContain('Landkreis Süd · 1 / 1');

		const long = await pdfText(await documentPdf(model(60)));
		expect(long.pages).toBeGreaterThan(1);
		expect(long.text).toContain('Zeile 60 59');
		expect(long.text.match(/Kennzahl Wert Ziel/g)).toHaveLength(long.pages);
	}, 30_000);

	it('place a chart as a picture under its title, its numbers in a table below', async () => {
		const chart = barChart({
			id: 'fields',
			title: 'Angebote je Handlungsfeld',
			description: 'Angebote 2026 je Handlungsfeld',
			categoryLabel: 'Handlungsfeld',
			categories: ['Sprache', 'Wohnen'],
			series: [{ label: 'Angebote', values: [17, 4] }],
			format: String
		});
		const document: DocumentModel = { ...model(0), blocks: [chartBlock(chart)] };

		const docx = await documentDocx(document);
		const { xml, text } = await docxText(docx);
		expect(text).toMatch(/Angebote je Handlungsfeld .*Handlungsfeld Angebote Sprache 17 Wohnen 4/);
		expect(xml).toContain('descr="Angebote 2026 je Handlungsfeld"');
		const media = Object.keys((await JSZip.loadAsync(docx)).files).filter((name) =>
			/^word\/media\/.+\.png$/.test(name)
		);
		expect(media).toHaveLength(1);

		const pdf = await documentPdf(document);
		expect((await pdfText(pdf)).text).toMatch(
			/Angebote je Handlungsfeld Handlungsfeld Angebote Sprache 17 Wohnen 4/
		);
		expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/);
	}, 30_000);
});
