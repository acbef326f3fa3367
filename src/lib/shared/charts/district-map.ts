import { Delaunay } from 'd3-delaunay';
import { chartId, escapeXml, INK, legend, svgOpen, type Chart, type ChartText } from './chart.js';

/**
 * A schematic map of the district drawn from points alone: no tiles, no foreign requests. Each
 * point gets its Voronoi cell, cut to a disk around it so the outline follows the settled area
 * instead of filling a rectangle.
 */

export interface MapPoint {
	/** Unique among the points; it orders nothing, the input order is kept. */
	id: string;
	label: string;
	/** Degrees, finite. */
	lat: number;
	lon: number;
	/** The key of one of the map's categories. */
	category: string;
	/** A further line for the cell's tooltip and the table, such as the nearest offer. */
	detail?: string;
}

export interface MapCategory {
	key: string;
	label: string;
}

export interface DistrictMapInput extends ChartText {
	/** Unique on the page: it prefixes the ids of the title, description and hatch pattern. */
	id: string;
	points: readonly MapPoint[];
	/** In legend order, the best first: fills run from dark to light, the last one hatched. */
	categories: readonly MapCategory[];
	/** Headers of the table's columns: the point, its category, and its detail if there is one. */
	columns: { label: string; category: string; detail?: string };
}

const WIDTH = 640;
const MAP_HEIGHT = 440;
const PAD = 8;
const DISK_SIDES = 32;
/** How far a cell reaches around its point, in nearest-neighbour distances (median of all). */
const REACH = 1.6;
/** The least reach as a share of the map's span, so a close pair does not shrink to specks. */
const LEAST_REACH = 0.04;

// ColorBrewer's "Blues", dark to light: one hue whose steps differ in lightness, so the order
// survives greyscale print and every kind of colour blindness.
const SHADES = [
	'#08306b',
	'#08519c',
	'#2171b5',
	'#4292c6',
	'#6baed6',
	'#9ecae1',
	'#c6dbef',
	'#deebf7'
];

type Point = [number, number];

/** A map of points coloured by category, with the same points as a table. */
export function districtMap(input: DistrictMapInput): Chart {
	const id = chartId(input.id);
	const categoryIndex = new Map(input.categories.map((category, index) => [category.key, index]));
	for (const point of input.points) {
		if (!Number.isFinite(point.lat) || !Number.isFinite(point.lon))
			throw new RangeError(`Point ${point.id} has no finite coordinates`);
		if (!categoryIndex.has(point.category))
			throw new RangeError(`Point ${point.id} has the unknown category ${point.category}`);
	}
	const fill = (index: number) => categoryFill(id, index, input.categories.length);

	const legendBlock = legend(
		input.categories.map((category, index) => ({
			label: category.label,
			swatch: `<rect x="0" y="-7" width="16" height="14" fill="${fill(index)}" stroke="${INK}" stroke-width="0.5"/>`
		})),
		PAD,
		PAD + 8,
		WIDTH - 2 * PAD
	);
	const top = PAD + legendBlock.height + PAD;
	const height = top + MAP_HEIGHT;
	const hatched = input.categories.length > 1;

	const parts: string[] = [
		svgOpen(id, input, WIDTH, height),
		hatched
			? `<defs>${hatchPattern(id, shadeOf(input.categories.length - 1, input.categories.length))}</defs>`
			: '',
		legendBlock.markup
	];
	const layout = layOut(input.points, {
		x: PAD,
		y: top,
		width: WIDTH - 2 * PAD,
		height: MAP_HEIGHT - PAD
	});
	input.points.forEach((point, index) => {
		const category = input.categories[categoryIndex.get(point.category)!]!;
		const name = [`${point.label}: ${category.label}`, point.detail].filter(Boolean).join(' – ');
		parts.push(
			`<path d="${pathOf(layout.cells[index]!)}" fill="${fill(categoryIndex.get(point.category)!)}" stroke="#ffffff" stroke-width="0.8" stroke-linejoin="round">` +
				`<title>${escapeXml(name)}</title></path>`
		);
	});
	for (const [x, y] of layout.sites)
		parts.push(
			`<circle cx="${round(x)}" cy="${round(y)}" r="2" fill="${INK}" stroke="#ffffff" stroke-width="1"/>`
		);
	parts.push('</svg>');

	const headers = [input.columns.label, input.columns.category];
	if (input.columns.detail) headers.push(input.columns.detail);
	return {
		title: input.title,
		description: input.description,
		svg: parts.join(''),
		width: WIDTH,
		height,
		table: {
			caption: input.title,
			headers,
			rows: input.points.map((point) => {
				const cells = [input.categories[categoryIndex.get(point.category)!]!.label];
				if (input.columns.detail) cells.push(point.detail ?? '–');
				return { label: point.label, values: cells.map(() => null), cells };
			})
		}
	};
}

/** Category `index` of `count`: shades spread over the scale, the last (worst) one hatched. */
function shadeOf(index: number, count: number): string {
	const step = count > 1 ? (SHADES.length - 1) / (count - 1) : 0;
	return SHADES[Math.round(index * step)]!;
}

function categoryFill(id: string, index: number, count: number): string {
	return count > 1 && index === count - 1 ? `url(#${id}-worst)` : shadeOf(index, count);
}

function hatchPattern(id: string, shade: string): string {
	return (
		`<pattern id="${id}-worst" width="8" height="8" patternUnits="userSpaceOnUse">` +
		`<rect width="8" height="8" fill="${shade}"/>` +
		`<path d="M0,8 L8,0 M-2,2 L2,-2 M6,10 L10,6" stroke="${INK}" stroke-width="1.2"/></pattern>`
	);
}

interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

/**
 * Where each point and its cell lie in the box. Points at the same coordinates share one Voronoi
 * site (d3-delaunay gives duplicates no cell) and split its cell into slices like a pie.
 */
function layOut(points: readonly MapPoint[], box: Box): { cells: Point[][]; sites: Point[] } {
	// Equirectangular, a degree of longitude shortened to its length at the mean latitude.
	const meanLat = points.reduce((sum, point) => sum + point.lat, 0) / Math.max(1, points.length);
	const shrink = Math.cos((meanLat * Math.PI) / 180);
	const siteOf = new Map<string, number>();
	const sites: Point[] = [];
	const siteIndex = points.map((point) => {
		const key = `${point.lon},${point.lat}`;
		if (!siteOf.has(key)) {
			siteOf.set(key, sites.length);
			sites.push([point.lon * shrink, -point.lat]);
		}
		return siteOf.get(key)!;
	});
	if (sites.length === 0) return { cells: [], sites: [] };

	const delaunay = Delaunay.from(sites);
	const xs = sites.map(([x]) => x);
	const ys = sites.map(([, y]) => y);
	const [minX, maxX, minY, maxY] = [
		Math.min(...xs),
		Math.max(...xs),
		Math.min(...ys),
		Math.max(...ys)
	];
	const span = Math.max(maxX - minX, maxY - minY);
	const radius = Math.max(REACH * medianNearest(delaunay, sites), LEAST_REACH * span) || 1;

	const bounds = [minX - radius, minY - radius, maxX + radius, maxY + radius] as const;
	const scale = Math.min(box.width / (bounds[2] - bounds[0]), box.height / (bounds[3] - bounds[1]));
	const offsetX = box.x + (box.width - (bounds[2] - bounds[0]) * scale) / 2;
	const offsetY = box.y + (box.height - (bounds[3] - bounds[1]) * scale) / 2;
	const place = ([x, y]: Point): Point => [
		offsetX + (x - bounds[0]) * scale,
		offsetY + (y - bounds[1]) * scale
	];

	const voronoi = delaunay.voronoi([...bounds]);
	const siteCells = sites.map((site, index) =>
		clip(voronoi.cellPolygon(index).slice(0, -1), disk(site, radius))
	);
	// Which slice of its site's pie each point gets, and how many slices each site has.
	const sliceOf: number[] = [];
	const slices = sites.map(() => 0);
	for (const site of siteIndex) {
		sliceOf.push(slices[site]!);
		slices[site] = slices[site]! + 1;
	}
	const cells = siteIndex.map((site, point) => {
		const cell =
			slices[site]! > 1
				? clip(siteCells[site]!, slice(sites[site]!, radius, sliceOf[point]!, slices[site]!))
				: siteCells[site]!;
		return cell.map(place);
	});
	return { cells, sites: siteIndex.map((site) => place(sites[site]!)) };
}

/** The median distance from a site to its nearest neighbour; 0 for a single site. */
function medianNearest(delaunay: Delaunay<Point>, sites: readonly Point[]): number {
	if (sites.length < 2) return 0;
	const nearest = sites
		.map(([x, y], index) => {
			let best = Infinity;
			for (const other of delaunay.neighbors(index)) {
				const [ox, oy] = sites[other]!;
				best = Math.min(best, Math.hypot(ox - x, oy - y));
			}
			return best;
		})
		.sort((a, b) => a - b);
	return nearest[Math.floor((nearest.length - 1) / 2)]!;
}

/** A regular polygon inside the circle, so a cell clipped to it stays within the map's padding. */
function disk([cx, cy]: Point, radius: number): Point[] {
	return Array.from({ length: DISK_SIDES }, (_, side) => {
		const angle = (2 * Math.PI * side) / DISK_SIDES;
		return [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)] as const;
	});
}

/** Slice `index` of `count` around a site, wide enough to cover the disk (convex: count ≥ 2). */
function slice([cx, cy]: Point, radius: number, index: number, count: number): Point[] {
	const at = (angle: number): Point => [
		cx + 2 * radius * Math.cos(angle),
		cy + 2 * radius * Math.sin(angle)
	];
	const from = -Math.PI / 2 + (2 * Math.PI * index) / count;
	const to = from + (2 * Math.PI) / count;
	return [[cx, cy], at(from), at((from + to) / 2), at(to)];
}

/** Sutherland–Hodgman: the part of `subject` inside the convex polygon `window`. */
function clip(subject: readonly Point[], window: readonly Point[]): Point[] {
	const turn = Math.sign(signedArea(window));
	const inside = ([ax, ay]: Point, [bx, by]: Point, [px, py]: Point) =>
		turn * ((bx - ax) * (py - ay) - (by - ay) * (px - ax)) >= 0;
	const crossing = ([ax, ay]: Point, [bx, by]: Point, [px, py]: Point, [qx, qy]: Point): Point => {
		const [dx, dy, ex, ey] = [bx - ax, by - ay, qx - px, qy - py];
		const t = ((px - ax) * ey - (py - ay) * ex) / (dx * ey - dy * ex);
		return [ax + t * dx, ay + t * dy];
	};
	let output: Point[] = [...subject];
	window.forEach((edgeStart, index) => {
		const edgeEnd = window[(index + 1) % window.length]!;
		const input = output;
		output = [];
		input.forEach((current, at) => {
			const previous = input[(at + input.length - 1) % input.length]!;
			const currentIn = inside(edgeStart, edgeEnd, current);
			if (currentIn !== inside(edgeStart, edgeEnd, previous))
				output.push(crossing(previous, current, edgeStart, edgeEnd));
			if (currentIn) output.push(current);
		});
	});
	return output;
}

function signedArea(polygon: readonly Point[]): number {
	return polygon.reduce((sum, [x, y], index) => {
		const [nx, ny] = polygon[(index + 1) % polygon.length]!;
		return sum + x * ny - nx * y;
	}, 0);
}

function pathOf(cell: readonly Point[]): string {
	return cell.length ? `M${cell.map(([x, y]) => `${round(x)},${round(y)}`).join('L')}Z` : '';
}

/** A tenth of a pixel is finer than any screen or print shows, and keeps the SVG small. */
function round(value: number): number {
	return Math.round(value * 10) / 10;
}
