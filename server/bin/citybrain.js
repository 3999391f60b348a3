#!/usr/bin/env node
// The citybrain CLI. The packages ship TypeScript sources; tsx compiles them on load.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
await main(process.argv);
