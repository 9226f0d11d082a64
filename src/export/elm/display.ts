/**
 * The default display image of a European Digital Credential: a one-page SVG with the title, learner,
 * awarding body, date and learning outcomes. The EDC shapes require an image per display; issuers who
 * have their own design pass it instead.
 *
 * @module
 */

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Splits text into lines of at most `width` characters, at spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** @internal The SVG page (A4 proportions). */
export function displaySvg(fields: {
  title: string;
  learner: string;
  awardedBy: string;
  date: string;
  outcomes: readonly string[];
  footer: string;
}): string {
  const rows: string[] = [];
  let y = 120;
  const text = (content: string, size: number, weight = "normal") => {
    rows.push(`<text x="60" y="${y}" font-size="${size}" font-weight="${weight}">${escapeXml(content)}</text>`);
    y += Math.round(size * 1.4);
  };
  for (const line of wrap(fields.title, 40)) text(line, 30, "bold");
  y += 20;
  text(fields.learner, 22, "bold");
  text(`Awarded by ${fields.awardedBy} on ${fields.date}`, 16);
  y += 20;
  text("Learning outcomes", 18, "bold");
  for (const outcome of fields.outcomes) {
    if (y > 1040) {
      text("…", 14);
      break;
    }
    wrap(outcome, 85).forEach((line, i) => text(`${i === 0 ? "• " : "  "}${line}`, 14));
  }
  rows.push(`<text x="60" y="1110" font-size="11" fill="#555">${escapeXml(fields.footer)}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="794" height="1123" viewBox="0 0 794 1123" font-family="sans-serif"><rect width="794" height="1123" fill="#fff"/><rect x="20" y="20" width="754" height="1083" fill="none" stroke="#2e7d32" stroke-width="4"/>${rows.join("")}</svg>`;
}

/** @internal Base64 of a UTF-8 string, without Node's Buffer (browser-safe). */
export function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
