/** Errors the stand-in raises as Excel does: RichApi errors with Excel's codes, at sync. */
// ---------------------------------------------------------------------------------------------
// Errors

export class RichApiError extends Error {
  override name = "RichApi.Error";
  constructor(
    public readonly code: string,
    message: string,
    public readonly debugInfo: { code: string; message: string; errorLocation?: string } = { code, message },
  ) {
    super(message);
  }

  /** Index, in its batch, of the action that failed (set by the context that ran it). */
  actionIndex?: number;
}

export const MESSAGES: Record<string, string> = {
  ItemAlreadyExists: "A resource with the same name or identifier already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  AccessDenied: "You cannot perform the requested operation.",
  ApiNotFound: "The API you are trying to use could not be found. It may be available in a newer version of Excel.",
  InvalidOperation: "The operation is invalid for the object in its current state.",
  InvalidObjectPath: "The object path isn't working for what you're trying to do.",
  RequestPayloadSizeLimitExceeded: "The request payload size has exceeded the limit. Please refer to the documentation: \"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins\".",
  ResponsePayloadSizeLimitExceeded: "The response payload size has exceeded the limit. Please refer to the documentation: \"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins\".",
  InvalidOperationInCellEditMode: "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
  GeneralException: "There was an internal error while processing the request.",
};

export function rich(code: string, where: string, detail?: string): RichApiError {
  const message = detail ? `${MESSAGES[code]} (${detail})` : MESSAGES[code];
  return new RichApiError(code, message, { code, message, errorLocation: where });
}

export function notModelled(what: string): Error {
  return new Error(`Excel stand-in: ${what} is not modelled; extend test/support/excel-standin.ts`);
}


export function propertyNotLoaded(entity: string, prop: string): RichApiError {
  const message = `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`;
  return new RichApiError("PropertyNotLoaded", message, { code: "PropertyNotLoaded", message, errorLocation: `${entity}.${prop}` });
}
