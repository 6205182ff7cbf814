// Runs once per server process: migrations, demo seed and admin bootstrap before the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { bootstrap } = await import("./lib/db/bootstrap");
  await bootstrap();
}
