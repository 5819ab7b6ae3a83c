/** Custom jest matchers shared by the test suites. */
export {};
