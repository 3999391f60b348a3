import { join } from "node:path";
import type { Command } from "commander";
import { STREAM_NAMES } from "@citybrain/datasets";
import { AuditLog, AuthStore, USER_ROLES, type UserRole } from "../auth/index.ts";
import { dataPaths } from "../bootstrap/prepare-data.ts";

/** Where a data directory keeps users, tokens and the audit log. */
export function authPaths(dataDir: string): { auth: string; audit: string } {
  const root = join(dataPaths(dataDir).database, "..");
  return { auth: join(root, "auth.json"), audit: join(root, "audit.log") };
}

async function readPassword(fromStdin: boolean | undefined): Promise<string> {
  if (!fromStdin)
    throw new Error("give the password on standard input with --password-stdin (never on the command line)");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
  if (!password) throw new Error("--password-stdin: standard input was empty");
  return password;
}

async function withStore<T>(
  dataDir: string,
  work: (store: AuthStore, audit: AuditLog) => Promise<T>,
): Promise<T> {
  const paths = authPaths(dataDir);
  const store = await AuthStore.open({ path: paths.auth });
  const audit = await AuditLog.open({ path: paths.audit });
  try {
    return await work(store, audit);
  } finally {
    await store.close();
  }
}

const dataOption = (cmd: Command) => cmd.option("--data <dir>", "data directory", "data/demo");

/** Adds `users …` and `tokens …` to the CLI. */
export function addAuthCommands(cli: Command): void {
  const users = cli.command("users").description("manage analyst, viewer and admin accounts");
  dataOption(users.command("list").description("list users")).action(async (o: { data: string }) => {
    await withStore(o.data, async (s) => console.table(s.listUsers()));
  });
  dataOption(
    users
      .command("add <name>")
      .description("add a user; the password is read from standard input")
      .requiredOption("--role <role>", `one of ${USER_ROLES.join(", ")}`)
      .option("--password-stdin", "read the password from standard input"),
  ).action(async (name: string, o: { data: string; role: string; passwordStdin?: boolean }) => {
    if (!(USER_ROLES as readonly string[]).includes(o.role)) {
      throw new Error(`--role: expected one of ${USER_ROLES.join(", ")}, got "${o.role}"`);
    }
    const password = await readPassword(o.passwordStdin);
    await withStore(o.data, async (s, audit) => {
      const u = await s.addUser({ name, role: o.role as UserRole, password });
      await audit.record({ actor: "cli", action: "user.add", target: u.name, ip: "local", requestId: null });
      console.log(`added ${u.name} (${u.role})`);
    });
  });
  dataOption(users.command("remove <name>").description("remove a user")).action(
    async (name: string, o: { data: string }) => {
      await withStore(o.data, async (s, audit) => {
        await s.removeUser(name);
        await audit.record({
          actor: "cli",
          action: "user.remove",
          target: name,
          ip: "local",
          requestId: null,
        });
        console.log(`removed ${name}`);
      });
    },
  );
  dataOption(
    users
      .command("reset-password <name>")
      .description("set a new password, read from standard input")
      .option("--password-stdin", "read the password from standard input"),
  ).action(async (name: string, o: { data: string; passwordStdin?: boolean }) => {
    const password = await readPassword(o.passwordStdin);
    await withStore(o.data, async (s, audit) => {
      await s.resetPassword(name, password);
      await audit.record({
        actor: "cli",
        action: "user.password",
        target: name,
        ip: "local",
        requestId: null,
      });
      console.log(`password of ${name} reset`);
    });
  });

  const tokens = cli.command("tokens").description("issue and revoke display (wall PC) and ingest tokens");
  dataOption(tokens.command("list").description("list tokens (never their secrets)")).action(
    async (o: { data: string }) => {
      await withStore(o.data, async (s) => console.table(s.listTokens()));
    },
  );
  dataOption(
    tokens
      .command("issue")
      .description("issue a token; its secret is printed once")
      .requiredOption("--kind <kind>", "display or ingest")
      .requiredOption("--label <text>", "what or where it is for, e.g. 指挥中心大屏 1")
      .option("--streams <list>", `ingest only: comma-separated streams (${STREAM_NAMES.join(",")})`),
  ).action(async (o: { data: string; kind: string; label: string; streams?: string }) => {
    if (o.kind !== "display" && o.kind !== "ingest")
      throw new Error(`--kind: expected display or ingest, got "${o.kind}"`);
    const streams =
      o.streams
        ?.split(",")
        .map((x) => x.trim())
        .filter(Boolean) ?? [];
    const bad = streams.find((x) => !(STREAM_NAMES as readonly string[]).includes(x));
    if (bad) throw new Error(`--streams: no stream "${bad}" (expected ${STREAM_NAMES.join(", ")})`);
    if (o.kind === "ingest" && streams.length === 0)
      throw new Error("--streams: an ingest token needs at least one stream");
    await withStore(o.data, async (s, audit) => {
      const t = await s.issueToken({
        kind: o.kind as "display" | "ingest",
        label: o.label,
        streams,
        createdBy: "cli",
      });
      await audit.record({
        actor: "cli",
        action: "token.issue",
        target: t.info.id,
        ip: "local",
        requestId: null,
      });
      console.log(`token ${t.info.id} (${t.info.kind}): ${t.token}`);
      console.log("Keep it now: it is not shown again.");
    });
  });
  dataOption(tokens.command("revoke <id>").description("revoke a token")).action(
    async (id: string, o: { data: string }) => {
      await withStore(o.data, async (s, audit) => {
        const t = await s.revokeToken(id);
        if (!t) throw new Error(`no token with id "${id}" (see: citybrain tokens list)`);
        await audit.record({
          actor: "cli",
          action: "token.revoke",
          target: id,
          ip: "local",
          requestId: null,
        });
        console.log(`revoked ${id}`);
      });
    },
  );
}
