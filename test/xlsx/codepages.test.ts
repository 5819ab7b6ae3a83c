/**
 * The read worker's stand-in for SheetJS's codepage tables (src/xlsx/codepages.node.ts): SheetJS
 * loaded after it decodes text in a legacy encoding exactly as SheetJS with its tables loaded up
 * front, and the tables load only when first used.
 */
import type * as XLSXType from "@e965/xlsx";

type Sheetjs = typeof XLSXType;

/** A CSV exported in Windows-1252 ("€" is byte 0x80, "—" 0x97), as SheetJS reads it with that codepage (a binary string). */
const rows = (X: Sheetjs, bytes: string) => {
  const wb = X.read(bytes, { type: "binary", codepage: 1252 });
  return X.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1 });
};

it("text in Windows-1252 decodes the same through the stand-in, which loads the tables then", () => {
  const scope = globalThis as { cptable?: unknown };
  const tables: unknown = jest.requireActual("@e965/xlsx/dist/cpexcel.js");
  const bytes = "Ghi chú,Mã\nCà phê \x97 hang A,X\x80\n";
  const expected = rows(jest.requireActual<Sheetjs>("@e965/xlsx"), bytes);
  expect(expected).toEqual([
    ["Ghi chú", "Mã"],
    ["Cà phê — hang A", "X€"],
  ]);
  jest.isolateModules(() => {
    delete scope.cptable;
    const loads: string[] = [];
    jest.doMock("@e965/xlsx/dist/cpexcel.js", () => (loads.push("tables"), tables));
    jest.requireActual("../../src/xlsx/codepages.node");
    const lazy = jest.requireActual<Sheetjs>("@e965/xlsx");
    expect(loads).toEqual([]);
    expect(rows(lazy, bytes)).toEqual(expected);
    expect(loads).toEqual(["tables"]);
  });
  delete scope.cptable;
});
