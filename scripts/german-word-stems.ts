// Writes src/lib/shared/text/analysis/german-word-stems.json from german-words.json: run it after
// changing the word list or the German stemmer (`npx tsx scripts/german-word-stems.ts`).
import { writeFileSync } from 'node:fs';
import GERMAN_WORDS from '../src/lib/shared/text/analysis/german-words.json' with { type: 'json' };
import { germanWordStems } from '../src/lib/shared/text/analysis/german-word-stems.js';

const target = new URL('../src/lib/shared/text/analysis/german-word-stems.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(germanWordStems(GERMAN_WORDS), null, '\t')}\n`);
