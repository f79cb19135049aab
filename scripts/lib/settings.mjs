// Where the embedded databases live. The app's and the test suite's are separate clusters,
// so `npm test` never touches the demo workspace.
export const APP_DB = { dir: ".data/postgres", port: Number(process.env.EMBEDDED_PG_PORT || 54329), database: "corroborate" };
export const TEST_DB = { dir: ".data/test-postgres", port: Number(process.env.TEST_EMBEDDED_PG_PORT || 54339) };
