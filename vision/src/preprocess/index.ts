export { letterbox } from "./letterbox.ts";
export type { LetterboxGeometry, LetterboxOptions, LetterboxedImage } from "./letterbox.ts";
