import type { Kysely } from 'kysely';
import { createChain } from '../../src/lib/server/chains/chains.service.js';
import type { ChainInput, StageInput } from '../../src/lib/server/chains/chains.schema.js';
import { createStage } from '../../src/lib/server/chains/stages.service.js';
import type { DB } from '../../src/lib/server/db/schema.js';
import { factoryEditor } from './account.factory.js';

export type TestStage = Partial<Omit<StageInput, 'follows'>> & {
	key: string;
	/** Keys of stages listed before this one. */
	follows?: string[];
};

/**
 * A chain as a coordinator builds one, through the chains services as the district's
 * administrator: stages in the order given (each may follow earlier ones by key). A stage
 * without rules selects the language field.
 */
export async function createTestChain(
	db: Kysely<DB>,
	chain: Partial<ChainInput> & { districtId: number; stages?: TestStage[] },
	now = new Date()
): Promise<{ chainId: number; stages: Record<string, number> }> {
	const { districtId, stages = [], ...fields } = chain;
	const editor = await factoryEditor(db, districtId);
	const chainId = await createChain(
		db,
		editor,
		{
			title: 'Sprache bis Arbeit',
			publicTitle: 'Ihr Weg zum Deutschkurs',
			introduction: '',
			actionFields: ['language'],
			isPublic: false,
			...fields
		},
		now
	);
	const ids: Record<string, number> = {};
	for (const { key, follows = [], ...stage } of stages)
		ids[key] = await createStage(
			db,
			editor,
			chainId,
			{
				title: key,
				achieves: '',
				isOptional: false,
				rules: { actionFields: ['language'] },
				reachKm: 25,
				onlineCounts: false,
				...stage,
				follows: follows.map((follow) => ids[follow]!)
			},
			now
		);
	return { chainId, stages: ids };
}
