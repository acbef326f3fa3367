import { openDatabase } from '../src/lib/server/db/database.ts';
import { parseSearchParams } from '../src/lib/server/search/search.schema.ts';
import { searchOffers } from '../src/lib/server/search/search.service.ts';
const database = openDatabase('sqlite:///tmp/prof.sqlite');
for (const q of [
	'q=deutschkurs',
	'q=beratung familie',
	'field=language&language=ar&free=1',
	'near=Kappeln&radius=25',
	'q=sprach&field=language&near=Schleswig&radius=50',
	''
]) {
	const { filters } = parseSearchParams(new URLSearchParams(q));
	const times = [];
	for (let i = 0; i < 60; i++) {
		const s = performance.now();
		await searchOffers(database.db, filters, 'de');
		times.push(performance.now() - s);
	}
	times.sort((a, b) => a - b);
	console.log(
		q.padEnd(50),
		'first',
		times.at(-1)!.toFixed(1),
		'p50',
		times[30]!.toFixed(2),
		'p95',
		times[57]!.toFixed(2)
	);
}
