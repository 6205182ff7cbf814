import type { Metadata } from "next";
import "./globals.css";
import { QueryProvider } from "@/components/shell/query-provider";

export const metadata: Metadata = {
  title: { default: "Portico", template: "%s · Portico" },
  description: "Provider onboarding, catalogue and usage reports",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">
        <QueryProvider>{children}</QueryProvider>
      </body>
    </html>
  );
}
