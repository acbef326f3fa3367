import { describe, expect, it } from 'vitest';
import { radarChart } from './radar-chart.js';

const format = (value: number) =>
	new Intl.NumberFormat('de', { maximumFractionDigits: 1 }).format(value);
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
/** The outlines of the series: paths with a stroke width of 2 and no fill. */
const outlines = (svg: string) =>
	[...svg.matchAll(/<path d="([^"]*)" fill="none" stroke="[^"]+" stroke-width="2"([^/]*)\/>/g)].map(
		(m) => ({ d: m[1]!, dash: /stroke-dasharray="([^"]+)"/.exec(m[2]!)?.[1] ?? null })
	);

describe('radar chart', () => {
	const chart = radarChart({
		id: 'round scores',
		title: 'Ergebnis je Dimension',
		description: 'Runde 2025 und Runde 2026 der Ausländerbehörde',
		axisLabel: 'Dimension',
		axes: ['Leitbild', 'Personal', 'Fortbildung', 'Beschwerden & <Rückmeldung>'],
		series: [
			{ label: '2025', values: [1, 2, 0.5, null] },
			{ label: '2026', values: [2.5, 4, 1, 3] }
		],
		max: 4,
		format
	});

	it('is an image with a title and a description, its text escaped', () => {
		expect(chart.svg).toMatch(/^<svg [^>]*role="img"/);
		expect(chart.svg).toContain('aria-labelledby="round-scores-title round-scores-desc"');
		expect(chart.svg).toContain('<title id="round-scores-title">Ergebnis je Dimension</title>');
		expect(chart.svg).toContain('Beschwerden &amp; &lt;Rückmeldung&gt;');
	});

	it('writes on the chart the numbers the table holds', () => {
		expect(chart.table.headers).toEqual(['Dimension', '2025', '2026']);
		expect(chart.table.rows.map((row) => [row.label, ...row.cells])).toEqual([
			['Leitbild', '1', '2,5'],
			['Personal', '2', '4'],
			['Fortbildung', '0,5', '1'],
			['Beschwerden & <Rückmeldung>', '–', '3']
		]);
		const shown = texts(chart.svg);
		for (const row of chart.table.rows)
			for (const cell of row.cells.filter((cell) => cell !== '–')) expect(shown).toContain(cell);
	});

	it('tells the series apart by dash, not only by shade, and names them in a legend', () => {
		const [first, second] = outlines(chart.svg);
		expect(first!.dash).toBeNull();
		expect(second!.dash).not.toBeNull();
		expect(texts(chart.svg)).toEqual(expect.arrayContaining(['2025', '2026']));
	});

	it('closes a complete outline and leaves a gap where a value is missing', () => {
		const [first, second] = outlines(chart.svg);
		expect(second!.d.endsWith('Z')).toBe(true);
		expect(first!.d.endsWith('Z')).toBe(false);
		expect(first!.d.match(/[ML]/g)).toEqual(['M', 'L', 'L']);
	});

	it('puts a full score on the outer ring and half a score half-way out', () => {
		// Axis 2 ("Personal") points right: the value 4 lies one radius right of the centre.
		const [, second] = outlines(chart.svg);
		const points = second!.d.match(/[\d.]+,[\d.]+/g)!.map((p) => p.split(',').map(Number));
		const [top, right] = [points[0]!, points[1]!];
		const centreY = right[1]!;
		const radius = right[0]! - top[0]!;
		// 2,5 of 4 on the top spoke.
		expect((centreY - top[1]!) / radius).toBeCloseTo(2.5 / 4, 1);
	});
});
