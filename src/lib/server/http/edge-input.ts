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

const FORM = /^(?:application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/**
 * True when a posted form has a NUL byte in a field name or text value (files may hold any
 * bytes). Reads a copy of the body, so the route still reads the original.
 */
export async function formHasNul(request: Request): Promise<boolean> {
	if (!FORM.test(request.headers.get('content-type') ?? '')) return false;
	let form: FormData;
	try {
		form = await request.clone().formData();
	} catch {
		// A body that is no form (or too large) is refused by the route as before.
		return false;
	}
	for (const [name, value] of form)
		if (name.includes('\0') || (typeof value === 'string' && value.includes('\0'))) return true;
	return false;
}
