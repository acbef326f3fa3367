// Progressive enhancement for the portal; every page works without it.
(() => {
	const showPrintButtons = () => {
		for (const button of document.querySelectorAll('[data-print]')) button.hidden = false;
	};
	showPrintButtons();
	document.addEventListener('click', (event) => {
		if (event.target.closest('[data-print]')) window.print();
	});

	/** A selector that finds the same form control in the fresh page (checkboxes share a name). */
	const controlSelector = (element) => {
		if (!element || !element.matches('input, select')) return null;
		if (element.id) return `#${CSS.escape(element.id)}`;
		return `[name="${CSS.escape(element.name)}"][value="${CSS.escape(element.value)}"]`;
	};

	// Live filtering: re-run the search when a filter changes and swap in the new page content.
	let controller;
	document.addEventListener('change', async (event) => {
		const form = event.target.closest('form[data-live-search]');
		if (!form || !event.target.matches('input[type=checkbox], select')) return;
		const params = new URLSearchParams(new FormData(form));
		for (const [key, value] of [...params]) if (value === '') params.delete(key, value);
		const url = `${form.action}?${params}`;
		controller?.abort();
		controller = new AbortController();
		try {
			const response = await fetch(url, {
				signal: controller.signal,
				headers: { accept: 'text/html' }
			});
			if (!response.ok) throw new Error(String(response.status));
			const next = new DOMParser().parseFromString(await response.text(), 'text/html');
			const fresh = next.querySelector('main');
			const current = document.querySelector('main');
			if (!fresh || !current) throw new Error('no main');
			// Folded filters the visitor opened stay open, and focus stays on the control they used.
			for (const details of current.querySelectorAll('details[id][open]'))
				fresh.querySelector(`#${CSS.escape(details.id)}`)?.setAttribute('open', '');
			const focused = controlSelector(document.activeElement);
			current.replaceWith(fresh);
			history.replaceState(null, '', url);
			document.title = next.title;
			showPrintButtons();
			if (focused) document.querySelector(focused)?.focus();
		} catch (error) {
			if (error.name !== 'AbortError') form.submit();
		}
	});
})();
