import { describe, expect, it } from "vitest";
import { DEFAULT_ALERT_RULES, defaultAlertRules } from "./default-alert-rules.ts";
import { AlertConfigError, parseAlertRules } from "./parse-alert-rules.ts";

const ch4 = {
  kind: "threshold",
  id: "septic.ch4",
  source: "septic",
  field: "ch4_lel",
  label: "甲烷浓度",
  levels: [
    { severity: "minor", value: 25 },
    { severity: "critical", value: 50 },
  ],
  margin: 5,
  clearAfter: 6,
};

function issues(input: unknown): readonly string[] {
  try {
    parseAlertRules(input);
  } catch (e) {
    if (e instanceof AlertConfigError) return e.issues;
    throw e;
  }
  throw new Error("expected the rules to be rejected");
}

describe("parseAlertRules", () => {
  it("accepts the defaults and applies field defaults", () => {
    const rules = defaultAlertRules().rules;
    expect(rules.map((r) => r.id)).toEqual(DEFAULT_ALERT_RULES.rules.map((r) => r.id));
    expect(parseAlertRules({ rules: [ch4] }).rules[0]).toMatchObject({ op: ">=", unit: "", decimals: 1 });
  });

  it("names the rule and the field of each problem", () => {
    const bad = {
      ...ch4,
      levels: [
        { severity: "minor", value: "25" },
        { severity: "critical", value: 50 },
      ],
    };
    expect(issues({ rules: [bad] })).toEqual([
      'rule "septic.ch4", field "levels[0].value": Invalid input: expected number, received string',
    ]);
    expect(issues({ rules: [{ ...ch4, margin: -1, clearAfter: 0.5 }] })).toEqual([
      'rule "septic.ch4", field "margin": Too small: expected number to be >=0',
      'rule "septic.ch4", field "clearAfter": Invalid input: expected int, received number',
    ]);
  });

  it("checks level order, severities and duplicate ids", () => {
    const reversed = {
      ...ch4,
      levels: [
        { severity: "critical", value: 50 },
        { severity: "minor", value: 25 },
      ],
    };
    expect(issues({ rules: [reversed] })).toEqual([
      'rule "septic.ch4", field "levels[1].value": expected thresholds in rising order, got 25 after 50',
      'rule "septic.ch4", field "levels[1].severity": expected severities that never fall as thresholds rise, got minor after critical',
    ]);
    expect(issues({ rules: [ch4, ch4] })).toEqual([
      'rule "septic.ch4", field "id": duplicate rule id "septic.ch4"',
    ]);
    expect(issues({ rules: [{ ...ch4, kind: "thresold" }] })[0]).toMatch(
      /^rule "septic.ch4", field "kind": /,
    );
    expect(
      issues({ rules: [{ kind: "offline", source: "septic", afterMinutes: 30, severity: "minor" }] }),
    ).toEqual(['rule #1, field "id": Invalid input: expected string, received undefined']);
  });
});
