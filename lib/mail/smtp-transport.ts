import nodemailer, { type Transporter } from "nodemailer";
import SMTPTransport from "nodemailer/lib/smtp-transport";
import { config } from "@/lib/config";

const cache = globalThis as unknown as { __portico_smtp?: { url: string; transport: Transporter } };

/**
 * The nodemailer transport for `PORTICO_SMTP_URL` (null when unset). `smtp://` upgrades with STARTTLS when
 * the server offers it, `smtps://` is TLS from the start; user and password come from the URL.
 */
export function smtpTransport(): Transporter | null {
  const url = config.smtpUrl;
  if (!url) return null;
  if (cache.__portico_smtp?.url !== url) {
    cache.__portico_smtp?.transport.close();
    const smtp = new SMTPTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
    cache.__portico_smtp = { url, transport: nodemailer.createTransport(smtp) };
  }
  return cache.__portico_smtp.transport;
}
