import type { CenternetOutputSummary } from "./summarise-outputs.ts";

/** Where the committed TFJS reference lives, relative to the vision package. */
export const REFERENCE_PATH = "src/convert/centernet-dog-reference.json";

/** The original TFJS graph's outputs on dog.jpg, written by vision/scripts/centernet-dog-reference.ts. */
export interface CenternetReference extends CenternetOutputSummary {
  generatedBy: string;
  engine: string;
  /** Checksums of the TFJS model files the reference was computed from. */
  modelSha256: Record<string, string>;
  image: { fixture: string; sha256: string };
  /** sha256 of the float32 input tensor bytes, so a preprocessing change is caught, not misread. */
  inputSha256: string;
}
