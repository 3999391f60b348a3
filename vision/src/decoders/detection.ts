import type { Box } from "../geometry/box.ts";

/** One detected object, in source-image pixels. */
export interface Detection {
  classId: number;
  label: string;
  score: number;
  box: Box;
}
