/** The stages of a chain as a directed graph: cycles refused, steps numbered for people. */

export interface Edge {
	from: number;
	to: number;
}

/**
 * A cycle the edges would contain, as the stage ids along it (first = last), or null. Used to
 * refuse a transition or a stage's predecessors before anything is written.
 */
export function findCycle(stageIds: readonly number[], edges: readonly Edge[]): number[] | null {
	const next = new Map<number, number[]>(stageIds.map((id) => [id, []]));
	for (const edge of edges) next.get(edge.from)?.push(edge.to);
	const state = new Map<number, 'open' | 'done'>();
	const path: number[] = [];
	const visit = (id: number): number[] | null => {
		if (state.get(id) === 'done') return null;
		if (state.get(id) === 'open') return [...path.slice(path.indexOf(id)), id];
		state.set(id, 'open');
		path.push(id);
		for (const target of next.get(id) ?? []) {
			const cycle = visit(target);
			if (cycle) return cycle;
		}
		path.pop();
		state.set(id, 'done');
		return null;
	};
	for (const id of stageIds) {
		const cycle = visit(id);
		if (cycle) return cycle;
	}
	return null;
}

/**
 * Step numbers for a cycle-free chain: a stage's step is one more than the longest path to it,
 * so branches that run side by side share a number ("2a", "2b" is the page's business). Stages
 * on the same step keep the order of `stageIds` (their positions).
 */
export function stepsOf(stageIds: readonly number[], edges: readonly Edge[]): Map<number, number> {
	const incoming = new Map<number, number[]>(stageIds.map((id) => [id, []]));
	for (const edge of edges) incoming.get(edge.to)?.push(edge.from);
	const steps = new Map<number, number>();
	const stepOf = (id: number, seen: Set<number>): number => {
		const known = steps.get(id);
		if (known !== undefined) return known;
		if (seen.has(id)) throw new Error(`The chain has a cycle through stage ${id}`);
		seen.add(id);
		const before = (incoming.get(id) ?? []).map((from) => stepOf(from, seen));
		const step = before.length === 0 ? 1 : Math.max(...before) + 1;
		steps.set(id, step);
		return step;
	};
	for (const id of stageIds) stepOf(id, new Set());
	return steps;
}
