import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';

const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

let fontFiles: string[] | undefined;

/** The project's DejaVu fonts, never the system's: a chart renders alike on every machine. */
function fonts(): string[] {
	if (fontFiles) return fontFiles;
	const require = createRequire(import.meta.url);
	fontFiles = FONT_FILES.map((file) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
	return fontFiles;
}

/** The chart's SVG as a PNG, `scale` times its laid-out size (2 keeps it sharp in print). */
export function chartPng(svg: string, width: number, scale = 2): Buffer {
	const resvg = new Resvg(svg, {
		fitTo: { mode: 'width', value: Math.round(width * scale) },
		background: '#ffffff',
		font: { fontFiles: fonts(), loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' }
	});
	return resvg.render().asPng();
}
