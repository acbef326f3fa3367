/** How many bits of a 32-bit word are set (the parallel sum, no loop over the bits). */
export function bitCount(word: number): number {
	word -= (word >>> 1) & 0x55555555;
	word = (word & 0x33333333) + ((word >>> 2) & 0x33333333);
	return (((word + (word >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
