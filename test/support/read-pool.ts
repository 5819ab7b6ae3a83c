/**
 * The pane's code reads received files in Web Workers; jest runs it in Node, which has none, so
 * every test file gets the same read workers as the CLI (worker processes, xlsx/node-pool) — real workers
 * with the real budgets, as the CLI has them.
 */
import { createNodeReadPool } from "../../src/xlsx/node-pool";
import { provideReadPool } from "../../src/taskpane/read-pool";

provideReadPool((files, budget) => createNodeReadPool({ files, ...(budget ? { budget } : {}) }));
