#!/usr/bin/env node
// Fetches offline test imagery from Debian packages into fixtures/ (gitignored).
//
//   npm run fixtures            fetch what is missing (a no-op when everything is present)
//   npm run fixtures -- --force fetch again even when fixtures/ looks complete
//
// How: `apt-get download <packages>` into a temp dir, `dpkg -x` each .deb, copy the files we
// test with plus each package's copyright file, and write fixtures/manifest.json (package,
// version, source path, size, sha256 per file). Licences are summarised in docs/third-party.md.
// CI runs this as root on a fresh Debian machine; it fails loudly when apt is unavailable.
import { spawnSync } from "node:child_process";
import console from "node:console";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const fixturesDir = join(root, "fixtures");
const manifestPath = join(fixturesDir, "manifest.json");

/** What we need, by Debian package: fixture name → path inside the package. */
const PACKAGES = {
  darknet: {
    "dog.jpg": "usr/share/darknet/data/dog.jpg",
    "person.jpg": "usr/share/darknet/data/person.jpg",
    "horses.jpg": "usr/share/darknet/data/horses.jpg",
  },
  "opencv-doc": {
    "vtest.avi": "usr/share/doc/opencv-doc/examples/data/vtest.avi",
    "licenseplate_motion.jpg": "usr/share/doc/opencv-doc/examples/data/licenseplate_motion.jpg",
    "scenetext01.jpg": "usr/share/doc/opencv-doc/examples/text/scenetext01.jpg",
    "imageTextN.png": "usr/share/doc/opencv-doc/examples/data/imageTextN.png",
  },
};

const force = process.argv.includes("--force");

function log(message) {
  console.log(`fixtures: ${message}`);
}

function fail(message) {
  console.error(`fixtures: ERROR: ${message}`);
  process.exit(1);
}

function sha256(path) {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/** Runs a command; returns its result, failing loudly when the program itself is missing. */
function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { encoding: "utf8", ...options });
  if (result.error && result.error.code === "ENOENT") {
    fail(
      `\`${cmd}\` is not available. Test imagery comes from Debian packages (${Object.keys(PACKAGES).join(", ")}); ` +
        "run this script on Debian/Ubuntu with apt and dpkg installed.",
    );
  }
  if (result.error) fail(`\`${cmd} ${args.join(" ")}\` could not start: ${result.error.message}`);
  return result;
}

/** True when the manifest lists every wanted file and each one on disk still has its checksum. */
function fixturesComplete() {
  if (!existsSync(manifestPath)) return false;
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  } catch {
    return false;
  }
  const byName = new Map((manifest.files ?? []).map((f) => [f.name, f]));
  for (const files of Object.values(PACKAGES)) {
    for (const name of Object.keys(files)) {
      const entry = byName.get(name);
      const path = join(fixturesDir, name);
      if (!entry || !existsSync(path) || sha256(path) !== entry.sha256) return false;
    }
  }
  return true;
}

/** `apt-get download`, running `apt-get update` once (as root) when the package lists are empty. */
function download(packages, cwd) {
  // As root apt drops to the `_apt` user, which cannot write a private temp dir: stay root.
  const args = ["-q", "-o", "APT::Sandbox::User=root", "download", ...packages];
  let result = run("apt-get", args, { cwd });
  if (result.status !== 0 && process.getuid?.() === 0) {
    log("apt-get download failed; running `apt-get update` once and retrying");
    const update = run("apt-get", ["update", "-q"], { stdio: "inherit" });
    if (update.status !== 0) fail("`apt-get update` failed (is a Debian mirror reachable?)");
    result = run("apt-get", args, { cwd });
  }
  if (result.status !== 0) {
    fail(
      `\`apt-get download ${packages.join(" ")}\` failed:\n${result.stderr.trim()}\n` +
        "Run `apt-get update` (as root) so apt knows these packages, then run `npm run fixtures` again.",
    );
  }
}

function main() {
  if (!force && fixturesComplete()) {
    log(`all fixtures present in ${fixturesDir} (checksums match); nothing to do (--force to refetch)`);
    return;
  }
  run("dpkg", ["--version"]);
  const work = mkdtempSync(join(tmpdir(), "citybrain-fixtures-"));
  try {
    const packages = Object.keys(PACKAGES);
    log(`downloading Debian packages ${packages.join(", ")} (opencv-doc is ~96 MB) into ${work}`);
    download(packages, work);
    mkdirSync(join(fixturesDir, "licences"), { recursive: true });
    const files = [];
    const versions = {};
    for (const [pkg, wanted] of Object.entries(PACKAGES)) {
      const deb = readdirSync(work).find((f) => f.startsWith(`${pkg}_`) && f.endsWith(".deb"));
      if (!deb) fail(`apt-get download reported success but no ${pkg}_*.deb is in ${work}`);
      const version = decodeURIComponent(deb.slice(pkg.length + 1).split("_")[0]);
      versions[pkg] = version;
      const extractDir = join(work, pkg);
      log(`extracting ${deb}`);
      const x = run("dpkg", ["-x", join(work, deb), extractDir]);
      if (x.status !== 0) fail(`dpkg -x ${deb} failed:\n${x.stderr.trim()}`);
      for (const [name, source] of Object.entries(wanted)) {
        const from = join(extractDir, source);
        if (!existsSync(from)) fail(`${pkg} ${version} has no /${source} (the package layout changed?)`);
        const to = join(fixturesDir, name);
        copyFileSync(from, to);
        const bytes = readFileSync(to).length;
        files.push({ name, package: pkg, version, source: `/${source}`, bytes, sha256: sha256(to) });
        log(`  ${name.padEnd(26)} ${(bytes / 1024).toFixed(0).padStart(6)} KiB  from ${pkg}`);
      }
      const copyright = join(extractDir, "usr/share/doc", pkg, "copyright");
      if (existsSync(copyright)) copyFileSync(copyright, join(fixturesDir, "licences", `${pkg}.copyright`));
    }
    const manifest = {
      description:
        "Test imagery from Debian packages; written by scripts/fetch-fixtures.mjs. Licences: licences/*",
      packages: versions,
      files,
    };
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    log(`wrote ${files.length} files and manifest.json to ${fixturesDir}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const ffmpeg = spawnSync("ffmpeg", ["-version"]);
  if (ffmpeg.error)
    log("note: `ffmpeg` is not installed; vision's video tests need it (apt-get install -y ffmpeg)");
}

main();
