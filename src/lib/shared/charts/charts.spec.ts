import { describe, expect, it } from 'vitest';
import { barChart } from './bar-chart.js';
import { chartPng } from './chart-png.js';
import { lineChart } from './line-chart.js';

const format = (value: number) => new Intl.NumberFormat('de').format(value);

/** The texts an SVG shows, in document order. */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
/** The widths of the bars (rects with a stroke; the background and legend swatches have none or 16). */
const barWidths = (svg: string) =>
	[
		...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="[\d.]+" fill="(?:url|#)/g)
	].map((m) => Number(m[1]));

describe('bar chart', () => {
	const chart = barChart({
		id: 'offers by field',
		title: 'Angebote je Handlungsfeld',
		description: 'Veröffentlichte Angebote 2025 im Vergleich zu 2024',
		categoryLabel: 'Handlungsfeld',
		categories: ['Sprache', 'Arbeit', 'Frauen & <Mädchen>'],
		series: [
			{ label: '2024', values: [10, 4, null] },
			{ label: '2025', values: [12, 3, 0] }
		],
		format
	});

	it('is an image with a title and a description, its text escaped', () => {
		expect(chart.svg).toMatch(/^<svg [^>]*role="img"/);
		expect(chart.svg).toContain('aria-labelledby="offers-by-field-title offers-by-field-desc"');
		expect(chart.svg).toContain(
			'<title id="offers-by-field-title">Angebote je Handlungsfeld</title>'
		);
		expect(chart.svg).toContain('<desc id="offers-by-field-desc">Veröffentlichte Angebote 2025');
		expect(chart.svg).toContain('Frauen &amp; &lt;Mädchen&gt;');
	});

	it('writes on the bars the numbers the table holds', () => {
		expect(chart.table.headers).toEqual(['Handlungsfeld', '2024', '2025']);
		expect(chart.table.rows.map((row) => [row.label, ...row.cells])).toEqual([
			['Sprache', '10', '12'],
			['Arbeit', '4', '3'],
			['Frauen & <Mädchen>', '–', '0']
		]);
		const shown = texts(chart.svg);
		for (const row of chart.table.rows) for (const cell of row.cells) expect(shown).toContain(cell);
	});

	it('scales bars in proportion from a zero line, the longest within the width', () => {
		const [tenBar, twelveBar, fourBar, threeBar] = barWidths(chart.svg).filter((w) => w > 0);
		expect(twelveBar! / tenBar!).toBeCloseTo(1.2, 5);
		expect(fourBar! / threeBar!).toBeCloseTo(4 / 3, 5);
		expect(Math.max(...barWidths(chart.svg))).toBeLessThanOrEqual(chart.width);
		expect(chart.svg).toMatch(/<pattern id="offers-by-field-fill-1"/);
	});

	it('stacks series and adds their total to the table', () => {
		const stacked = barChart({
			id: 'status',
			title: 'Maßnahmen nach Status',
			description: 'Maßnahmen je Handlungsfeld nach Status',
			categoryLabel: 'Handlungsfeld',
			categories: ['Sprache', 'Wohnen'],
			series: [
				{ label: 'geplant', values: [2, 0] },
				{ label: 'laufend', values: [5, 1] }
			],
			layout: 'stacked',
			totalLabel: 'Summe',
			format
		});
		expect(stacked.table.headers).toEqual(['Handlungsfeld', 'geplant', 'laufend', 'Summe']);
		expect(stacked.table.rows[0]!.values).toEqual([2, 5, 7]);
		expect(texts(stacked.svg)).toContain('7');
		const [two, five] = barWidths(stacked.svg).filter((w) => w > 16);
		expect(five! / two!).toBeCloseTo(2.5, 5);
	});

	it('ticks counts in whole numbers and shortens a long label that the table keeps whole', () => {
		const small = barChart({
			id: 'small',
			title: 'Treffen',
			description: 'Treffen je Netzwerk',
			categoryLabel: 'Netzwerk',
			categories: ['Netzwerk Sprache Schleswig-Flensburg und Umgebung mit Gästen'],
			series: [{ label: 'Treffen', values: [1] }],
			format
		});
		const shown = texts(small.svg);
		expect(shown).toContain('0');
		expect(shown).not.toContain('0,5');
		expect(shown.find((text) => text!.startsWith('Netzwerk'))).toMatch(/^Netzwerk Sprache .*…$/);
		expect(small.table.rows[0]!.label).toBe(
			'Netzwerk Sprache Schleswig-Flensburg und Umgebung mit Gästen'
		);
	});

	it('draws an empty chart without dividing by zero', () => {
		const empty = barChart({
			id: 'empty',
			title: 'Leer',
			description: 'Keine Angebote',
			categoryLabel: 'Feld',
			categories: ['Sprache'],
			series: [{ label: 'Angebote', values: [0] }],
			format
		});
		expect(empty.svg).not.toContain('NaN');
		expect(empty.table.rows[0]!.cells).toEqual(['0']);
	});
});

describe('line chart', () => {
	const chart = lineChart({
		id: 'indicator',
		title: 'Sprachkursplätze',
		description: 'Plätze je Jahr mit Ziel 120 und Ausgangswert 80',
		periodLabel: 'Zeitraum',
		periods: ['2023', '2024', '2025'],
		series: [{ label: 'Plätze', values: [80, null, 110] }],
		target: { label: 'Ziel', value: 120 },
		baseline: { label: 'Ausgangswert', value: 80 },
		format
	});

	it('has a title, a description, the periods and the labelled target and baseline', () => {
		expect(chart.svg).toMatch(/^<svg [^>]*role="img"/);
		expect(chart.svg).toContain('<title id="indicator-title">Sprachkursplätze</title>');
		expect(chart.svg).toContain('<desc id="indicator-desc">');
		const shown = texts(chart.svg);
		for (const text of ['2023', '2024', '2025', '110', 'Ziel: 120', 'Ausgangswert: 80'])
			expect(shown).toContain(text);
		expect(chart.svg).not.toContain('NaN');
	});

	it('gives the table one row per period with the target and baseline beside', () => {
		expect(chart.table.headers).toEqual(['Zeitraum', 'Plätze', 'Ziel', 'Ausgangswert']);
		expect(chart.table.rows.map((row) => row.cells)).toEqual([
			['80', '120', '80'],
			['–', '120', '80'],
			['110', '120', '80']
		]);
	});

	it('breaks the line at a missing value and places higher values higher', () => {
		const path = /<path d="(M[^"]+)" fill="none"/.exec(chart.svg)![1]!;
		expect(path.match(/M/g)).toHaveLength(2);
		const points = [...chart.svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) =>
			Number(m[2])
		);
		// Legend marker first, then 80 and 110: SVG y grows downwards.
		expect(points[2]!).toBeLessThan(points[1]!);
	});
});

describe('chart PNG', () => {
	it('renders the SVG with the bundled fonts to a PNG of twice its width', () => {
		const chart = barChart({
			id: 'png',
			title: 'Angebote',
			description: 'Angebote je Feld',
			categoryLabel: 'Feld',
			categories: ['Sprache', 'Interkulturelle Öffnung'],
			series: [{ label: 'Angebote', values: [3, 5] }],
			format
		});
		const png = chartPng(chart.svg, chart.width);
		expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		expect(png.readUInt32BE(16)).toBe(chart.width * 2);
		expect(png.readUInt32BE(20)).toBe(chart.height * 2);
	});
});
