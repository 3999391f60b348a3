import { Command, InvalidArgumentError, Option } from "commander";
import { serveCommand } from "./serve.ts";
import { addAuthCommands } from "./auth-commands.ts";
import { addDataCommands } from "./data-commands.ts";

const PRESETS = ["tiny", "demo", "full"] as const;

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new InvalidArgumentError(`expected a port number 0-65535, got "${value}"`);
  }
  return n;
}

function seed(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new InvalidArgumentError(`expected a non-negative integer, got "${value}"`);
  return n;
}

function speed(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 86_400) {
    throw new InvalidArgumentError(`expected a speed factor between 0 and 86400, got "${value}"`);
  }
  return n;
}

/** Builds the `citybrain` command tree. */
export function program(): Command {
  const cli = new Command("citybrain")
    .description("潼南区城市大脑 — city-brain analytics server and big screen")
    .showHelpAfterError();
  cli
    .command("serve")
    .description("load data, publish extracts and serve the API and the screen")
    .addOption(
      new Option("--preset <name>", "dataset preset to generate and load").choices(PRESETS).default("demo"),
    )
    .option("--demo", "shorthand for --preset demo (the default)")
    .option("--seed <n>", "generator seed", seed, 1)
    .option("--data <dir>", "data directory (default: data/<preset>)")
    .option("--port <n>", "port to listen on (0 picks a free one)", port, 8080)
    .option("--host <host>", "interface to bind", "127.0.0.1")
    .option("--no-wall-token", "do not issue a display token for this run's wall URL")
    .option("--no-simulate", "do not feed live demo data")
    .option("--no-vision", "do not run the real-video cameras")
    .option("--vision-config <file>", "camera config file (default: the demo's real-video cameras)")
    .option("--speed <n>", "simulated time per real time for the live feed (1 = real time)", speed, 60)
    .action(
      async (opts: {
        preset: (typeof PRESETS)[number];
        seed: number;
        data?: string;
        port: number;
        host: string;
        wallToken: boolean;
        simulate: boolean;
        speed: number;
        vision: boolean;
        visionConfig?: string;
      }) => {
        await serveCommand({
          preset: opts.preset,
          seed: opts.seed,
          dataDir: opts.data ?? `data/${opts.preset}`,
          port: opts.port,
          host: opts.host,
          wallToken: opts.wallToken,
          simulate: opts.simulate,
          speed: opts.speed,
          vision: opts.vision,
          visionConfig: opts.visionConfig,
        });
      },
    );
  addDataCommands(cli);
  addAuthCommands(cli);
  return cli;
}

/** Runs the CLI with process-style argv. */
export async function main(argv: readonly string[]): Promise<void> {
  try {
    await program().parseAsync([...argv]);
  } catch (e) {
    process.stderr.write(`citybrain: ${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}
