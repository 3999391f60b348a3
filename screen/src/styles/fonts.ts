// Fonts ship with the app so a wall PC without CJK fonts still renders Chinese (OFL).
// Noto Sans SC: the chinese-simplified subset (~1.1 MB woff2 per weight) plus Latin.
import "@fontsource/noto-sans-sc/chinese-simplified-400.css";
import "@fontsource/noto-sans-sc/chinese-simplified-700.css";
import "@fontsource/noto-sans-sc/latin-400.css";
import "@fontsource/noto-sans-sc/latin-700.css";
// Rajdhani: a DIN-like face with tabular figures for the big numbers and the clock.
import "@fontsource/rajdhani/latin-500.css";
import "@fontsource/rajdhani/latin-700.css";

/** The CJK family, first in every font stack. */
export const CJK_FONT = '"Noto Sans SC"';
/** The digits family. */
export const DIGIT_FONT = "Rajdhani";

/**
 * Wait until the web fonts can draw `text` (deck.gl bakes glyphs into an atlas once, so a
 * TextLayer built before the font arrives would keep the fallback's boxes).
 */
export async function fontsReady(text: string): Promise<void> {
  await Promise.all([
    document.fonts.load(`400 32px ${CJK_FONT}`, text),
    document.fonts.load(`700 32px ${CJK_FONT}`, text),
    document.fonts.load(`700 32px ${DIGIT_FONT}`, "0123456789.,"),
  ]);
}
