/** Text read from one line, with the mean probability of its characters. */
export interface CtcResult {
  text: string;
  score: number;
}

/**
 * Greedy CTC decoding of a recogniser's `[1, T, classes]` softmax output: the best class per
 * time step, repeats collapsed, blanks (class 0) removed; class `i` is `characters[i − 1]`.
 */
export function ctcGreedyDecode(
  probs: Float32Array,
  steps: number,
  classes: number,
  characters: readonly string[],
): CtcResult {
  if (probs.length !== steps * classes)
    throw new Error(`CTC output has ${probs.length} values for ${steps}×${classes}`);
  if (characters.length !== classes - 1) {
    throw new Error(
      `dictionary has ${characters.length} characters but the model has ${classes - 1} (+ blank)`,
    );
  }
  let text = "";
  let total = 0;
  let kept = 0;
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let bestP = -Infinity;
    const row = t * classes;
    for (let c = 0; c < classes; c++) {
      const p = probs[row + c] ?? 0;
      if (p > bestP) [best, bestP] = [c, p];
    }
    if (best !== 0 && best !== previous) {
      text += characters[best - 1] ?? "";
      total += bestP;
      kept += 1;
    }
    previous = best;
  }
  return { text, score: kept ? total / kept : 0 };
}
