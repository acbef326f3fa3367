import { describe, expect, it } from 'vitest';
import { chartPng } from './chart-png.js';
import type { Chart } from './chart.js';
import { districtMap, type MapPoint } from './district-map.js';

const categories = [
	{ key: 'here', label: 'im Ort' },
	{ key: 'near', label: 'in Reichweite' },
	{ key: 'gap', label: 'Lücke' }
];

const mapOf = (points: MapPoint[], id = 'coverage') =>
	districtMap({
		id,
		title: 'Abdeckung: Erstorientierung',
		description: 'Gemeinden nach Entfernung zum nächsten Angebot',
		points,
		categories,
		columns: { label: 'Gemeinde', category: 'Abdeckung', detail: 'Nächstes Angebot' }
	});

const place = (id: string, lat: number, lon: number, category = 'here'): MapPoint => ({
	id,
	label: `Ort ${id}`,
	lat,
	lon,
	category
});

const places: MapPoint[] = [
	{ ...place('flensburg', 54.784, 9.44, 'here'), label: 'Flensburg', detail: '0 km' },
	{ ...place('schleswig', 54.516, 9.557, 'near'), label: 'Schleswig', detail: '3 km' },
	{ ...place('kappeln', 54.661, 9.931, 'gap'), label: 'Kappeln' },
	{ ...place('satrup', 54.691, 9.601, 'near'), label: 'Satrup', detail: '8 km' },
	{ ...place('harrislee', 54.8, 9.39, 'here'), label: 'Harrislee', detail: '0 km' },
	{ ...place('toestrup', 54.708, 9.77, 'gap'), label: 'Tolk & <script>alert(1)</script>' }
];

/** The cells: one `<path>` per point, each with its tooltip. */
const cells = (svg: string) =>
	[...svg.matchAll(/<path d="([^"]*)" fill="([^"]+)"[^>]*><title>([^<]*)<\/title><\/path>/g)].map(
		([, d, fill, title]) => ({ d: d!, fill: fill!, title: title! })
	);
const vertices = (d: string) =>
	[...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map(([, x, y]) => [Number(x), Number(y)] as const);
const area = (d: string) => {
	const points = vertices(d);
	return Math.abs(
		points.reduce((sum, [x, y], index) => {
			const [nx, ny] = points[(index + 1) % points.length]!;
			return sum + x * ny - nx * y;
		}, 0) / 2
	);
};

/** Every opened tag closed in order: the SVG is well-formed as far as its elements go. */
function balanced(svg: string): boolean {
	const open: string[] = [];
	for (const [, closing, name, selfClosing] of svg.matchAll(/<(\/?)([A-Za-z]+)[^>]*?(\/?)>/g)) {
		if (selfClosing) continue;
		if (!closing) open.push(name!);
		else if (open.pop() !== name) return false;
	}
	return open.length === 0;
}

/** Every drawn coordinate, from the cells and the dots. */
const coordinates = (svg: string) => [
	...cells(svg).flatMap((cell) => vertices(cell.d)),
	...[...svg.matchAll(/<circle cx="([^"]+)" cy="([^"]+)"/g)].map(
		([, x, y]) => [Number(x), Number(y)] as const
	)
];

function expectSound(map: Chart, count: number) {
	expect(map.svg).not.toContain('NaN');
	expect(balanced(map.svg)).toBe(true);
	const drawn = cells(map.svg);
	expect(drawn).toHaveLength(count);
	expect(drawn.filter((cell) => !(area(cell.d) > 1))).toEqual([]);
	const outside = coordinates(map.svg).filter(
		([x, y]) => !(x >= 0 && x <= map.width && y >= 0 && y <= map.height)
	);
	expect(outside).toEqual([]);
}

/** Relative luminance of a `#rrggbb` shade, as a greyscale print would show it. */
function luminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((at) => {
		const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
		return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe('district map', () => {
	const map = mapOf(places);

	it('is an image with a title and a description, one cell per place inside the picture', () => {
		expect(map.svg).toMatch(/^<svg [^>]*role="img"/);
		expect(map.svg).toContain('aria-labelledby="coverage-title coverage-desc"');
		expect(map.svg).toContain('<title id="coverage-title">Abdeckung: Erstorientierung</title>');
		expect(map.svg).toMatch(/viewBox="0 0 640 \d+"/);
		expectSound(map, places.length);
		expect(map.svg.match(/<circle /g)).toHaveLength(places.length);
	});

	it('names each cell by place, category and detail, its text escaped', () => {
		expect(cells(map.svg).map((cell) => cell.title)).toEqual([
			'Flensburg: im Ort – 0 km',
			'Schleswig: in Reichweite – 3 km',
			'Kappeln: Lücke',
			'Satrup: in Reichweite – 8 km',
			'Harrislee: im Ort – 0 km',
			'Tolk &amp; &lt;script&gt;alert(1)&lt;/script&gt;: Lücke'
		]);
		expect(map.svg).not.toContain('<script');
	});

	it('draws north up and east right', () => {
		const dots = [...map.svg.matchAll(/<circle cx="([^"]+)" cy="([^"]+)"/g)].map(([, x, y]) => ({
			x: Number(x),
			y: Number(y)
		}));
		const [flensburg, schleswig, kappeln] = dots;
		expect(flensburg!.y).toBeLessThan(schleswig!.y);
		expect(kappeln!.x).toBeGreaterThan(flensburg!.x);
	});

	it('fills the categories from dark to light and hatches only the worst', () => {
		const fills = cells(map.svg).map((cell) => cell.fill);
		expect(fills.filter((fill) => fill === 'url(#coverage-worst)')).toHaveLength(2);
		expect(fills[2]).toBe('url(#coverage-worst)');
		expect(fills[5]).toBe('url(#coverage-worst)');
		for (const index of [0, 1, 3, 4]) expect(fills[index]).toMatch(/^#[0-9a-f]{6}$/);
		expect(map.svg.match(/<pattern /g)).toHaveLength(1);

		const worstShade = /<pattern id="coverage-worst"[^>]*><rect [^>]*fill="(#[0-9a-f]{6})"/.exec(
			map.svg
		)![1]!;
		const [here, near] = [fills[0]!, fills[1]!];
		expect(luminance(here)).toBeLessThan(luminance(near));
		expect(luminance(near)).toBeLessThan(luminance(worstShade));
		expect(luminance(worstShade) - luminance(here)).toBeGreaterThan(0.5);
	});

	it('has a legend with the cells’ fills in category order', () => {
		const legend = [
			...map.svg.matchAll(/<rect x="0" y="-7"[^>]*fill="([^"]+)"[^>]*\/><text [^>]*>([^<]*)</g)
		].map(([, fill, label]) => [fill, label]);
		const fills = cells(map.svg).map((cell) => cell.fill);
		expect(legend).toEqual([
			[fills[0], 'im Ort'],
			[fills[1], 'in Reichweite'],
			['url(#coverage-worst)', 'Lücke']
		]);
	});

	it('keeps the ids of two maps on one page apart', () => {
		const other = mapOf(places, 'coverage 2');
		expect(other.svg).toContain('<pattern id="coverage-2-worst"');
		expect(other.svg).not.toContain('id="coverage-worst"');
	});

	it('gives the table one row per place with its category and detail', () => {
		expect(map.table.caption).toBe('Abdeckung: Erstorientierung');
		expect(map.table.headers).toEqual(['Gemeinde', 'Abdeckung', 'Nächstes Angebot']);
		expect(map.table.rows.map((row) => [row.label, ...row.cells])).toEqual([
			['Flensburg', 'im Ort', '0 km'],
			['Schleswig', 'in Reichweite', '3 km'],
			['Kappeln', 'Lücke', '–'],
			['Satrup', 'in Reichweite', '8 km'],
			['Harrislee', 'im Ort', '0 km'],
			['Tolk & <script>alert(1)</script>', 'Lücke', '–']
		]);
	});

	it('draws the same SVG for the same input', () => {
		expect(mapOf(places).svg).toBe(map.svg);
	});

	it('draws a single place as a disk', () => {
		const single = mapOf([place('a', 54.5, 9.5)]);
		expectSound(single, 1);
		expect(vertices(cells(single.svg)[0]!.d).length).toBeGreaterThanOrEqual(16);
	});

	it('draws two places, places in a line and no places at all', () => {
		const pair = mapOf([place('a', 54.5, 9.5), place('b', 54.6, 9.7, 'gap')]);
		expectSound(pair, 2);
		// Each reaches well beyond the other's point, not a speck around its own.
		for (const cell of cells(pair.svg)) expect(area(cell.d)).toBeGreaterThan(20_000);
		expectSound(
			mapOf(Array.from({ length: 5 }, (_, index) => place(`${index}`, 54.5 + index * 0.05, 9.5))),
			5
		);
		expectSound(
			mapOf(
				Array.from({ length: 5 }, (_, index) =>
					place(`${index}`, 54.5 + index * 0.05, 9.5 + index * 0.1)
				)
			),
			5
		);
		expectSound(mapOf([]), 0);
	});

	it('splits the cell of places at the same coordinates between them', () => {
		const twins = mapOf([
			place('a', 54.5, 9.5),
			place('b', 54.5, 9.5, 'gap'),
			place('c', 54.7, 9.8, 'near')
		]);
		expectSound(twins, 3);
		const [a, b] = cells(twins.svg);
		expect(a!.d).not.toBe(b!.d);
		expect(a!.fill).not.toBe(b!.fill);

		const triplets = mapOf([place('a', 54.5, 9.5), place('b', 54.5, 9.5), place('c', 54.5, 9.5)]);
		expectSound(triplets, 3);
		const [first, ...others] = cells(triplets.svg).map((cell) => area(cell.d));
		for (const other of others) expect(other / first!).toBeCloseTo(1, 2);
	});

	it('refuses a point without coordinates or with a category it does not know', () => {
		expect(() => mapOf([place('a', Number.NaN, 9.5)])).toThrow(RangeError);
		expect(() => mapOf([place('a', 54.5, 9.5, 'unknown')])).toThrow(RangeError);
	});

	// How fast is the bench's business (npm run bench), not a test's.
	it('draws a thousand places, each with its own sound cell', () => {
		// A fixed sequence, so the test draws the same map on every run.
		let seed = 42;
		const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
		const many = Array.from({ length: 1_000 }, (_, index) =>
			place(`${index}`, 54.3 + random() * 0.6, 9 + random(), categories[index % 3]!.key)
		);
		expectSound(mapOf(many), 1_000);
	});

	it('renders to a PNG through the charts’ PNG path', () => {
		const png = chartPng(map.svg, map.width);
		expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		expect(png.readUInt32BE(16)).toBe(map.width * 2);
		expect(png.readUInt32BE(20)).toBe(map.height * 2);
	});
});
