/**
 * Input no page, API or database can use, refused before any route runs: PostgreSQL text cannot
 * hold a NUL byte, and no slug, id, token or filter of ours holds a control character.
 */

/** A percent escape that decodes to a C0 control or DEL: UTF-8 uses no such byte in a longer character. */
const ESCAPED_CONTROL = /%(?:[01][0-9a-f]|7f)/i;
const TAB_AND_LINE_BREAKS = [0x09, 0x0a, 0x0d];

/** C0 controls and DEL; pasted text in query values may keep its tabs and line breaks. */
function hasControlCharacter(text: string, textValue = false): boolean {
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if ((code < 0x20 || code === 0x7f) && !(textValue && TAB_AND_LINE_BREAKS.includes(code)))
			return true;
	}
	return false;
}

/** True when the path or a query parameter, decoded, holds a control character. */
export function urlHasControlCharacters(url: URL): boolean {
	if (hasControlCharacter(url.pathname) || ESCAPED_CONTROL.test(url.pathname)) return true;
	for (const [name, value] of url.searchParams)
		if (hasControlCharacter(name) || hasControlCharacter(value, true)) return true;
	return false;
}

/** The content types SvelteKit hands to form actions (those a browser's form can send). */
const FORM = /^(?:application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\b/i;

/** A posted form with a NUL byte in it, or a body in a form's content type that is no form. */
export type FormProblem = 'nul' | 'unreadable';

/**
 * What makes a posted form unusable: a NUL byte in a field name or text value (files may hold
 * any bytes), or a body that cannot be read as a form (a broken multipart body, `text/plain`,
 * which no form of ours sends) — the route's `request.formData()` would throw a 500 on it.
 * Reads a copy of the body, so the route still reads the original; a body that cannot be read
 * at all (over BODY_SIZE_LIMIT) is left to the route, which says so.
 */
export async function formProblem(request: Request): Promise<FormProblem | null> {
	const type = request.headers.get('content-type') ?? '';
	if (request.method === 'GET' || request.method === 'HEAD' || !FORM.test(type)) return null;
	let body: ArrayBuffer;
	try {
		body = await request.clone().arrayBuffer();
	} catch {
		return null;
	}
	let form: FormData;
	try {
		form = await new Response(body, { headers: { 'content-type': type } }).formData();
	} catch {
		return 'unreadable';
	}
	for (const [name, value] of form)
		if (name.includes('\0') || (typeof value === 'string' && value.includes('\0'))) return 'nul';
	return null;
}
