import QRCode from 'qrcode';

/**
 * A QR code as inline SVG markup, made on the server: no script, no request to another host, and
 * only SVG presentation attributes, which the strict CSP allows (no inline style).
 */
export async function qrCodeSvg(text: string): Promise<string> {
	return QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}
