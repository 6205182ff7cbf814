import { publicUrl } from "./public-url";

export type MailContent = { subject: string; text: string; html: string };

export type MailParts = {
  subject: string;
  /** Opening line, e.g. "Hello Ada,". */
  greeting?: string;
  /** Paragraphs of plain text (escaped in the HTML part). */
  paragraphs: string[];
  /** The one thing to click: a portal path or an absolute URL. */
  action?: { label: string; href: string };
  /** Small print under a rule: why the person gets this mail. */
  footer?: string;
};

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Plain text and HTML of one message from the same parts; links are made absolute with `publicUrl`. */
export function renderMail(parts: MailParts): MailContent {
  const href = parts.action ? publicUrl(parts.action.href) : null;
  const subject = parts.subject
    .replace(/[\r\n]+/g, " ")
    .trim()
    .slice(0, 200);
  const text = [
    ...(parts.greeting ? [parts.greeting] : []),
    ...parts.paragraphs,
    ...(parts.action && href ? [`${parts.action.label}: ${href}`] : []),
    ...(parts.footer ? [`-- \n${parts.footer}`] : []),
  ].join("\n\n");
  const p = (s: string) => `<p style="margin:0 0 16px">${escapeHtml(s).replace(/\n/g, "<br>")}</p>`;
  const html = [
    `<!doctype html><html><body style="font-family:system-ui,sans-serif;font-size:15px;line-height:1.5;color:#0f172a">`,
    ...(parts.greeting ? [p(parts.greeting)] : []),
    ...parts.paragraphs.map(p),
    ...(parts.action && href
      ? [
          `<p style="margin:0 0 16px"><a href="${escapeHtml(href)}" style="color:#1d4ed8">${escapeHtml(parts.action.label)}</a></p>`,
        ]
      : []),
    ...(parts.footer
      ? [
          `<hr style="border:0;border-top:1px solid #e2e8f0"><p style="font-size:13px;color:#64748b">${escapeHtml(parts.footer)}</p>`,
        ]
      : []),
    `</body></html>`,
  ].join("\n");
  return { subject, text, html };
}
