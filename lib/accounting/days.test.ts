import { describe, expect, it } from "vitest";
import { addDays, cleanTotal, dayEndBefore, usagePercentage } from "./days";
import { bucketStart } from "./usage-series";

describe("report arithmetic", () => {
  it("rounds total/capacity half-up at 4 decimals, then × 100", () => {
    expect(usagePercentage(1234.56, 1000)).toBe(123.46);
    expect(usagePercentage(1, 3)).toBe(33.33);
    expect(usagePercentage(2, 3)).toBe(66.67);
    expect(usagePercentage(1.23455, 1)).toBe(123.46); // 1.23455 is 1.234549999… in binary; half-up on the decimal
    expect(usagePercentage(0.00005, 1)).toBe(0.01);
    expect(usagePercentage(0.000049, 1)).toBe(0);
    expect(usagePercentage(5, null)).toBeNull();
    expect(usagePercentage(5, 0)).toBeNull();
  });
  it("does calendar steps in UTC and shows period ends at 23:59:59", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(dayEndBefore("2022-03-01")).toBe("2022-02-28T23:59:59Z");
    expect(cleanTotal(1234.56 + 1234.56 + 0.1 + 0.2 - 0.3)).toBe(2469.12);
  });
  it("finds bucket starts: ISO weeks, months, quarters, years", () => {
    expect(bucketStart("2024-01-03", "week")).toBe("2024-01-01");
    expect(bucketStart("2024-01-07", "week")).toBe("2024-01-01");
    expect(bucketStart("2024-05-17", "month")).toBe("2024-05-01");
    expect(bucketStart("2024-05-17", "quarter")).toBe("2024-04-01");
    expect(bucketStart("2024-05-17", "year")).toBe("2024-01-01");
  });
});
