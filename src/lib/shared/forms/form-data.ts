/**
 * Reading a posted back-office form, the same way for every form: each value a bounded string,
 * lists capped, ids checked; what the person typed is kept to show again beside the messages.
 */

/** One input's text; a missing input reads as '', anything longer than `max` is cut. */
export function formText(form: FormData, name: string, max = Infinity): string {
	return String(form.get(name) ?? '').slice(0, max);
}

/** Several inputs' texts by name, each bounded by `max`. */
export function formTexts<const N extends string>(
	form: FormData,
	names: readonly N[],
	max = Infinity
): Record<N, string> {
	return Object.fromEntries(names.map((name) => [name, formText(form, name, max)])) as Record<
		N,
		string
	>;
}

/**
 * All values of a repeated input (checkboxes, multiple select), at most `count` of them; a value
 * longer than `itemMax` is cut, or with `drop` left out as no code of ours is that long.
 */
export function formList(
	form: FormData,
	name: string,
	limits: { count: number; itemMax?: number; drop?: boolean }
): string[] {
	const { count, itemMax = Infinity, drop = false } = limits;
	const values = form.getAll(name).map(String);
	return (
		drop
			? values.filter((value) => value.length <= itemMax)
			: values.map((v) => v.slice(0, itemMax))
	).slice(0, count);
}

/** How many rows `<prefix>.<index>.<field>` the form holds, counted from 0, at most `max`. */
export function formRowCount(form: FormData, prefix: string, field: string, max: number): number {
	let count = 0;
	while (count < max && form.has(`${prefix}.${count}.${field}`)) count++;
	return count;
}

/** A record id typed or chosen in a form: 1 to 9 digits and not 0, else null. */
export function positiveIdOf(value: string): number | null {
	return /^\d{1,9}$/.test(value) && Number(value) > 0 ? Number(value) : null;
}

/**
 * An optional whole number: '' is null; anything but digits is NaN, left for the domain's
 * validation to name.
 */
export function optionalNumberOf(value: string): number | null {
	const trimmed = value.trim();
	return trimmed === '' ? null : /^\d+$/.test(trimmed) ? Number(value) : Number.NaN;
}
