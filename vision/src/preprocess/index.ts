export { boxToSource } from "./box-to-source.ts";
export { letterbox } from "./letterbox.ts";
export type { LetterboxGeometry, LetterboxOptions, LetterboxedImage } from "./letterbox.ts";
export { rgbToTensor } from "./rgb-to-tensor.ts";
