/**
 * Code.js's entry: the server functions assigned to the global object, one by one and by name.
 * gas-webpack-plugin turns each `global.X = …` into a top-level `function X() {}` that Apps
 * Script can see (triggers, menus and google.script.run call only top-level functions); the
 * bundle then puts the real function in its place. Explicit assignments instead of the plugin's
 * automatic exports, whose open bugs drop functions.
 */
import "./runtime";
import { cchcRpc, onEdit, onInstall, onOpen, showEnvironmentCheck, showSidebar } from "./server";

declare const global: Record<string, unknown>;

global.onOpen = onOpen;
global.onInstall = onInstall;
global.onEdit = onEdit;
global.showSidebar = showSidebar;
global.showEnvironmentCheck = showEnvironmentCheck;
global.cchcRpc = cchcRpc;
