// Where a server's CPU went: reads a V8 .cpuprofile (from `BENCH_PROFILE=<dir> npm run bench:load`, or any
// `node --cpu-prof` run of `next start`) and prints self time per area — Next.js's runtime, React, drizzle-orm,
// pg, zod, next-auth, Node's own internals, garbage collection, idle — and per source file of the project,
// using the build's source maps to see through the bundled chunks; then the heaviest functions.
//
//   node --import tsx scripts/bench-load/profile-summary.ts <file.cpuprofile> [top=25]
import fs from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

const maps = new Map<string, SourceMap | null>();
function sourceMapOf(file: string): SourceMap | null {
  if (!maps.has(file)) {
    let map: SourceMap | null = null;
    try {
      map = new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, "utf8")));
    } catch {
      /* no map: the file itself is the source */
    }
    maps.set(file, map);
  }
  return maps.get(file)!;
}

/** The original source file of a frame: through the chunk's source map when it has one. */
function originalSource(frame: CallFrame): string {
  const url = frame.url.replace(/^file:\/\//, "");
  if (!url) return "";
  const map = sourceMapOf(url);
  if (!map || frame.lineNumber < 0) return url;
  const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string };
  return entry.originalSource ? path.resolve(path.dirname(url), entry.originalSource) : url;
}

/** The area a source file belongs to: a package of node_modules, Node's internals, or a folder of the project. */
function areaOf(frame: CallFrame, source: string): string {
  if (!frame.url) {
    const name = frame.functionName;
    if (name === "(idle)" || name === "(program)" || name === "(garbage collector)") return name;
    return "(native / V8 builtins)";
  }
  if (source.startsWith("node:")) return "node: internals";
  // drizzle-orm ships source maps pointing at its own ../src/, which the build resolves to node_modules/src/.
  if (source.includes("/node_modules/src/")) return "drizzle-orm";
  const nm = source.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = source.slice(nm + "node_modules/".length).split("/");
    const pkg = rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
    if (pkg === "next") {
      const compiled = source.match(/dist\/compiled\/([^/]+)/)?.[1];
      return compiled ? `next (compiled ${compiled})` : "next";
    }
    return pkg;
  }
  const rel = path.relative(process.cwd(), source);
  if (rel.startsWith(".next/")) return "next (build output)";
  return `project: ${rel.split("/").slice(0, 2).join("/")}`;
}

function main() {
  const [file, topArg] = process.argv.slice(2);
  if (!file) {
    console.error("usage: profile-summary.ts <file.cpuprofile> [top]");
    process.exit(2);
  }
  const top = Number(topArg || 25);
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  let busy = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    const source = originalSource(frame);
    const area = areaOf(frame, source);
    areas.set(area, (areas.get(area) ?? 0) + us);
    total += us;
    if (area !== "(idle)") busy += us;
    const where = source ? `${path.relative(process.cwd(), source)}` : "";
    const key = `${frame.functionName || "(anonymous)"} ${where}`;
    functions.set(key, (functions.get(key) ?? 0) + us);
  }
  const pct = (us: number, of: number) => `${((100 * us) / of).toFixed(1).padStart(5)} %`;
  console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy (not idle)`);
  console.log("\nSelf time by area (share of busy time):");
  for (const [area, us] of [...areas].sort((a, b) => b[1] - a[1])) {
    if (area === "(idle)") continue;
    console.log(`  ${pct(us, busy)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${area}`);
  }
  console.log(`\nThe ${top} heaviest functions (self time, share of busy time):`);
  for (const [fn, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top + 1)) {
    if (fn.startsWith("(idle)")) continue;
    console.log(`  ${pct(us, busy)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${fn}`);
  }
}

main();
