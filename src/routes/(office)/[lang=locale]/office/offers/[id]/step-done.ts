/** The workflow steps the offer page confirms after its redirect (`?done=…`). */
export const STEP_DONE = ['submitted', 'approved', 'changesRequested', 'archived'] as const;
export type StepDone = (typeof STEP_DONE)[number];

/** The confirmation to show for the `done` parameter; nothing for an unknown value. */
export function stepDoneMessage(done: string | null): `office.offer.done.${StepDone}` | null {
	return STEP_DONE.includes(done as StepDone) ? `office.offer.done.${done as StepDone}` : null;
}
