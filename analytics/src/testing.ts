// Test support for other packages (node only): an in-memory DuckDB behind the production
// connector, so their tests run the SQL exactly as the server does.
export { openTestDb } from "./query/duckdb-node.test-support.ts";
export type { NodeTestDb } from "./query/duckdb-node.test-support.ts";
