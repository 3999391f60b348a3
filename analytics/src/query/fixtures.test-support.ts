// Test support only: the tiny tables the query tests run on, with hand-computed answers.

/** energy_daily_town with 7 rows. Total tce 8.375; by town T1 3.5, T2 4.75, T3 0.125. */
export const ENERGY_FIXTURE_SQL = [
  `CREATE TABLE energy_daily_town (day DATE, town_code VARCHAR, town_name VARCHAR, carrier VARCHAR, value DOUBLE, tce DOUBLE)`,
  `INSERT INTO energy_daily_town VALUES
    ('2024-01-01', 'T1', '梓潼街道', 'electricity', 1000, 1.5),
    ('2024-01-01', 'T1', '梓潼街道', 'water', 20, 0.25),
    ('2024-01-01', 'T2', '桂林街道', 'electricity', 2000, 3.0),
    ('2024-01-02', 'T1', '梓潼街道', 'electricity', 1200, 1.75),
    ('2024-01-02', 'T2', '桂林街道', 'gas', 500, 0.5),
    ('2024-02-10', 'T2', '桂林街道', 'electricity', 800, 1.25),
    ('2024-02-11', 'T3', '双江镇', 'oil', 100, 0.125)`,
];

/** readings: UTC timestamps straddling Shanghai midnight and month end. */
export const READINGS_FIXTURE_SQL = [
  `CREATE TABLE readings (ts TIMESTAMP, v DOUBLE)`,
  // 23:30 Jan 1, 00:30 Jan 2 and 01:00 Feb 1 in Asia/Shanghai.
  `INSERT INTO readings VALUES ('2024-01-01 15:30:00', 1), ('2024-01-01 16:30:00', 2), ('2024-01-31 17:00:00', 4)`,
];
