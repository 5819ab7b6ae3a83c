import { levelOfUnit } from "../../src/core/levels";

describe("the level of a unit, from its name", () => {
  it.each([
    ["UBND xã Ia Pa", "xa"],
    ["Xã Ia Pa, huyện Krông Pa", "xa"],
    ["UBND phường Hoa Lư", "xa"],
    ["UBND thị trấn Kbang", "xa"],
    ["Đặc khu Phú Quốc", "xa"],
    ["UBND huyện Kbang", "huyen"],
    ["UBND thị xã Ayun Pa", "huyen"],
    ["UBND thành phố Pleiku", "huyen"],
    ["Phòng Nội vụ huyện Tuy Phước", "huyen"],
    ["Quận Ba Đình", "huyen"],
    ["UBND tỉnh Gia Lai", "tinh"],
    ["Sở Nội vụ tỉnh Bình Định", "tinh"],
    ["UBND thành phố Hà Nội", "tinh"],
    ["Thành phố Hồ Chí Minh", "tinh"],
  ])("%s → %s", (unit, level) => {
    expect(levelOfUnit(unit)).toBe(level);
  });

  it("says nothing when the name does not tell", () => {
    expect(levelOfUnit("Đơn vị A")).toBeUndefined();
    expect(levelOfUnit(undefined)).toBeUndefined();
  });
});
