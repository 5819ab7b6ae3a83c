/**
 * Ribbon commands (the manifest's FunctionFile). The only button today opens the task pane
 * (ShowTaskpane, no code needed); functions for `ExecuteFunction` buttons are registered here
 * with `Office.actions.associate(name, fn)`.
 */
if (typeof Office !== "undefined") {
  void Office.onReady();
}
