/** Province abbreviations that open a mainland Chinese plate (渝 = Chongqing). */
const PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

// Province, issuing-authority letter, then 5 characters (6 for new-energy plates); I and O are not used.
const PLATE = new RegExp(`^([${PROVINCES}])([A-HJ-NP-Z])([A-HJ-NP-Z0-9]{5,6})$`);

/**
 * Normalises OCR output that may be a Chinese plate — upper-cases, drops spaces and the
 * separator dot (read as `·`, `.`, `-` or `•`) — and returns it in the `渝A·D1234` form, or
 * `undefined` when it is not a plausible plate.
 *
 * @example parsePlate("渝a d1234") // "渝A·D1234"
 */
export function parsePlate(text: string): string | undefined {
  const compact = text.toUpperCase().replace(/[\s·.\-•・]/g, "");
  const match = PLATE.exec(compact);
  return match ? `${match[1]}${match[2]}·${match[3]}` : undefined;
}
