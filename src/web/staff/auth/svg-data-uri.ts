/**
 * The server's QR code is an SVG string. Shown through <img src="data:..."> it is only ever drawn
 * as a picture: scripts in it cannot run and it never touches the page's DOM (unlike innerHTML).
 */
export function svgDataUri(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** Groups a base32 secret in fours so it can be typed into an authenticator by hand. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}
