// The bench's command line: `npm run bench` measures one district (100,000 offers),
// `npm run bench -- --scale country` a country's installation (bench/country.ts).

export type Scale = 'district' | 'country';
const SCALES: Scale[] = ['district', 'country'];
const USAGE = 'usage: npm run bench [-- --scale district|country]';

/** The scale the arguments ask for; a wrong argument is an error that says what is allowed. */
export function parseScale(args: string[]): Scale {
	let scale: string | undefined;
	for (let at = 0; at < args.length; at++) {
		const arg = args[at]!;
		if (arg === '--scale') scale = args[++at];
		else if (arg.startsWith('--scale=')) scale = arg.slice('--scale='.length);
		else throw new Error(`unknown argument "${arg}"; ${USAGE}`);
		if (!SCALES.includes(scale as Scale))
			throw new Error(`unknown scale "${scale ?? ''}"; ${USAGE}`);
	}
	return (scale as Scale | undefined) ?? 'district';
}
