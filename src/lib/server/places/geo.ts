const EARTH_RADIUS_KM = 6371.0088;

export interface Coordinates {
	lat: number;
	lon: number;
}

/** Great-circle distance (haversine) in kilometres. */
export function distanceKm(a: Coordinates, b: Coordinates): number {
	const toRadians = (degrees: number) => (degrees * Math.PI) / 180;
	const dLat = toRadians(b.lat - a.lat);
	const dLon = toRadians(b.lon - a.lon);
	const h =
		Math.sin(dLat / 2) ** 2 +
		Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLon / 2) ** 2;
	return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
