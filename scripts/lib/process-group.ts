// Child processes for the scripts that drive a real server (crash test, load bench): each in its own
// process group, so a signal to the group reaches every process it started.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export type GroupChild = { child: ChildProcess; exited: Promise<void> };

/** `node <args>` in its own process group, stdout and stderr to `log`. */
export function startNodeGroup(args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; log: string }): GroupChild {
  const fd = fs.openSync(opts.log, "w");
  const child = spawn(process.execPath, args, {
    cwd: opts.cwd,
    detached: true,
    stdio: ["ignore", fd, fd],
    env: opts.env,
  });
  fs.closeSync(fd);
  const exited =
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return { child, exited };
}

/** Sends `signal` to the child's whole group; a group that is already gone is fine. */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-child.pid!, signal);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the group, SIGKILL if it is still there after 5 s; resolves once the child has exited. */
export async function stopGroup({ child, exited }: GroupChild): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  if (!signalGroup(child, "SIGTERM")) return;
  const timer = setTimeout(() => signalGroup(child, "SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

/**
 * Runs a script's `main` with its children and clean-ups: whether it ends, fails or is interrupted (SIGINT,
 * SIGTERM), every child group is stopped and every clean-up runs, last registered first.
 */
export function runScript(
  main: () => Promise<void>,
  children: GroupChild[],
  cleanups: (() => Promise<void>)[],
  onError: (e: unknown) => void = (e) => console.error(e),
): void {
  const cleanup = async () => {
    for (const c of children) await stopGroup(c);
    for (const c of cleanups.splice(0).reverse())
      await c().catch((e) => console.error(`cleanup: ${(e as Error).message}`));
  };
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => void cleanup().then(() => process.exit(130)));
  main()
    .catch((e) => {
      onError(e);
      process.exitCode = 1;
    })
    .finally(cleanup);
}
