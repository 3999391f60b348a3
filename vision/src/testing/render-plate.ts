import { execFileSync } from "node:child_process";
import sharp from "sharp";

const FONT = "WenQuanYi Micro Hei";

/**
 * Fails with the fix when no Chinese font is installed: sharp renders SVG text with the system's
 * fonts, and without one a plate's 渝 becomes a box. CI installs `fonts-wqy-microhei`.
 */
export function requireCjkFont(): void {
  let fonts = "";
  try {
    fonts = execFileSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" });
  } catch {
    // fc-list missing: fontconfig is not installed either; the message below covers both.
  }
  if (!fonts.includes(FONT)) {
    throw new Error(`rendering test plates needs the "${FONT}" font: apt-get install -y fonts-wqy-microhei`);
  }
}

/** A Chinese licence plate as PNG: white characters on the blue plate of ordinary cars, `width` px wide. */
export async function renderPlate(text: string, width = 220): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="440" height="140">
  <rect width="440" height="140" rx="10" fill="#0b3f9e"/>
  <rect x="6" y="6" width="428" height="128" rx="8" fill="none" stroke="#ffffff" stroke-width="3"/>
  <text x="220" y="102" font-family="${FONT}" font-size="76" fill="#ffffff" text-anchor="middle" letter-spacing="4">${text}</text>
</svg>`;
  return sharp(Buffer.from(svg)).resize(width).png().toBuffer();
}

/**
 * A deterministic test photo of a Chinese licence plate: the plate of {@link renderPlate}, 220 px
 * wide, on a grey 800×500 background, slightly blurred and saved as a quality-75 JPEG like a
 * camera snapshot.
 */
export async function renderPlateScene(text: string): Promise<Buffer> {
  const plate = await renderPlate(text, 220);
  return sharp({ create: { width: 800, height: 500, channels: 3, background: "#8a8f96" } })
    .composite([{ input: plate, left: 290, top: 300 }])
    .blur(0.8)
    .jpeg({ quality: 75 })
    .toBuffer();
}
