import type { Generated, Insertable } from 'kysely';

export interface DistrictsTable {
	id: Generated<number>;
	slug: string;
	name: string;
	kind: string;
	ags: string;
}

export interface PlacesTable {
	id: Generated<number>;
	districtId: number;
	ags: string;
	name: string;
	amt: string | null;
	lat: number;
	lon: number;
	population: number | null;
	geonamesId: number | null;
}

export interface PlacePostcodesTable {
	placeId: number;
	postcode: string;
}

export type NewPlaceRow = Insertable<PlacesTable>;
