import { openDatabase } from '../src/lib/server/db/database.ts';
import { parseSearchParams } from '../src/lib/server/search/search.schema.ts';
import { searchOffers } from '../src/lib/server/search/search.service.ts';
const database = openDatabase('sqlite:///tmp/prof.sqlite');
const words = [
	'deutschkurs',
	'sprachcafe',
	'beratung',
	'frauentreff',
	'bewerbungstraining',
	'hausaufgabenhilfe',
	'kappeln',
	'schleswig',
	'harrislee',
	'tarp',
	'mietrecht',
	'elterncafe',
	'integrationskurs',
	'gesundheitslotsen'
];
const fresh = [];
for (const q of [
	...words.map((w) => 'q=' + w.slice(0, 5)),
	...words.map((w) => 'q=' + w.slice(0, 7)),
	'near=Kappeln&radius=25',
	'field=language&language=ar&free=1',
	''
]) {
	const { filters } = parseSearchParams(new URLSearchParams(q));
	const s = performance.now();
	await searchOffers(database.db, filters, 'de');
	const first = performance.now() - s;
	if (q.startsWith('q=')) fresh.push(first);
	console.log(q.padEnd(40), 'first', first.toFixed(1));
}
fresh.sort((a, b) => a - b);
console.log(
	'fresh p50',
	fresh[Math.floor(fresh.length / 2)]!.toFixed(1),
	'p95',
	fresh[Math.floor(fresh.length * 0.95)]!.toFixed(1)
);
