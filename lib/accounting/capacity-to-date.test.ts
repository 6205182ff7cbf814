import { describe, expect, it } from "vitest";
import { isPartialBucket, periodToDate, type CapacityEntry, type SegmentRow } from "./capacity-to-date";

describe("partial buckets", () => {
  const today = "2026-12-03";
  it("marks the month still running and months the range cuts, not whole past months", () => {
    expect(isPartialBucket("2026-12-01", "2026-12-03", "month", today)).toBe(true);
    expect(isPartialBucket("2026-11-01", "2026-11-30", "month", today)).toBe(false);
    expect(isPartialBucket("2025-12-04", "2025-12-31", "month", today)).toBe(true);
    expect(isPartialBucket("2026-02-01", "2026-02-28", "month", today)).toBe(false);
  });
  it("marks today, a cut week and a running quarter", () => {
    expect(isPartialBucket(today, today, "day", today)).toBe(true);
    expect(isPartialBucket("2026-12-02", "2026-12-02", "day", today)).toBe(false);
    expect(isPartialBucket("2026-11-25", "2026-11-29", "week", today)).toBe(true); // Wed–Sun of a Mon–Sun week
    expect(isPartialBucket("2026-11-23", "2026-11-29", "week", today)).toBe(false);
    expect(isPartialBucket("2026-10-01", "2026-12-03", "quarter", today)).toBe(true);
  });
});

describe("capacity period to date", () => {
  // installation 1: 1000 from 2026-11-01, raised to 3000 on 2026-11-20; installation 2 has no capacity
  const caps: CapacityEntry[] = [
    { installationPk: 1, metricPk: 7, value: 1000, registeredOn: "2026-11-01" },
    { installationPk: 1, metricPk: 7, value: 3000, registeredOn: "2026-11-20" },
  ];
  const rows: SegmentRow[] = [
    { installationPk: 1, metricPk: 7, bucket: "2026-10-30", segment: null, total: 50 },
    { installationPk: 1, metricPk: 7, bucket: "2026-11-01", segment: "2026-11-01", total: 400 },
    { installationPk: 1, metricPk: 7, bucket: "2026-11-10", segment: "2026-11-01", total: 700 },
    { installationPk: 1, metricPk: 7, bucket: "2026-11-20", segment: "2026-11-20", total: 200 },
    { installationPk: 1, metricPk: 7, bucket: "2026-11-21", segment: "2026-11-20", total: 300 },
    { installationPk: 2, metricPk: 7, bucket: "2026-11-21", segment: null, total: 9999 },
    { installationPk: 1, metricPk: 8, bucket: "2026-11-21", segment: "2026-11-20", total: 9999 },
  ];
  it("has no capacity before the first one", () => {
    expect(periodToDate(rows, caps, 7, [1, 2], "2026-10-30", "2026-10-30")).toEqual({
      capacity: null,
      used: null,
      usagePercentage: null,
    });
  });
  it("adds the period's usage up to the bucket's end against the whole budget, over 100 % when spent", () => {
    expect(periodToDate(rows, caps, 7, [1, 2], "2026-11-01", "2026-11-01")).toEqual({
      capacity: 1000,
      used: 400,
      usagePercentage: 40,
    });
    expect(periodToDate(rows, caps, 7, [1, 2], "2026-11-10", "2026-11-10")).toEqual({
      capacity: 1000,
      used: 1100,
      usagePercentage: 110,
    });
  });
  it("starts again when a new capacity is registered; installations without one count for neither side", () => {
    expect(periodToDate(rows, caps, 7, [1, 2], "2026-11-21", "2026-11-21")).toEqual({
      capacity: 3000,
      used: 500,
      usagePercentage: 16.67,
    });
  });
});
