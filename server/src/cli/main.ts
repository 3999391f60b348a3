import { Command, InvalidArgumentError, Option } from "commander";
import { serveCommand } from "./serve.ts";
import { mergeServeConfig, readServeConfig } from "./serve-config.ts";
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

function frameBytes(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1024 || n > 256 * 1024 * 1024) {
    throw new InvalidArgumentError(`expected a byte count between 1024 and 268435456, got "${value}"`);
  }
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
      new Option("--preset <name>", "dataset preset to generate and load")
        .choices(PRESETS)
        .default("demo")
        .env("CITYBRAIN_PRESET"),
    )
    .option("--demo", "shorthand for --preset demo (the default)")
    .addOption(
      new Option("--config <file>", "JSON config file (flags and CITYBRAIN_* variables win)").env(
        "CITYBRAIN_CONFIG",
      ),
    )
    .addOption(new Option("--seed <n>", "generator seed").argParser(seed).default(1).env("CITYBRAIN_SEED"))
    .addOption(new Option("--data <dir>", "data directory (default: data/<preset>)").env("CITYBRAIN_DATA"))
    .addOption(
      new Option("--port <n>", "port to listen on (0 picks a free one)")
        .argParser(port)
        .default(8080)
        .env("CITYBRAIN_PORT"),
    )
    .addOption(new Option("--host <host>", "interface to bind").default("127.0.0.1").env("CITYBRAIN_HOST"))
    .option("--no-wall-token", "do not issue a display token for this run's wall URL")
    .option("--no-simulate", "do not feed live demo data")
    .option("--no-vision", "do not run the real-video cameras")
    .option("--vision-config <file>", "camera config file (default: the demo's real-video cameras)")
    .addOption(
      new Option("--max-frame-bytes <n>", "largest pushed camera frame (POST /api/cameras/:id/frames)")
        .argParser(frameBytes)
        .default(8 * 1024 * 1024)
        .env("CITYBRAIN_MAX_FRAME_BYTES"),
    )
    .addOption(
      new Option("--speed <n>", "simulated time per real time for the live feed (1 = real time)")
        .argParser(speed)
        .default(60)
        .env("CITYBRAIN_SPEED"),
    )
    .action(
      async (
        cliOpts: {
          config?: string;
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
          maxFrameBytes: number;
        },
        cmd: Command,
      ) => {
        const opts = cliOpts.config
          ? mergeServeConfig(
              cliOpts,
              (k) => cmd.getOptionValueSource(k),
              await readServeConfig(cliOpts.config),
            )
          : cliOpts;
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
          maxFrameBytes: opts.maxFrameBytes,
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
