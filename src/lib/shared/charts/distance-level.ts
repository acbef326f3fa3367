/**
 * The heat level of a distance against a reach, for a matrix whose cells are shaded by class:
 * 0 at the place itself, 1 to 3 the thirds of the reach, 4 beyond it or nowhere at all. Levels,
 * not colours, so the page can pick shades that step in lightness and read in greyscale.
 */
export type DistanceLevel = 0 | 1 | 2 | 3 | 4;

export function distanceLevel(distanceKm: number | null, reachKm: number): DistanceLevel {
	if (distanceKm === null || !(distanceKm <= reachKm)) return 4;
	if (distanceKm <= 0) return 0;
	return distanceKm <= reachKm / 3 ? 1 : distanceKm <= (2 * reachKm) / 3 ? 2 : 3;
}
