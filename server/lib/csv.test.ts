import { parseCsv, toCsv } from "./csv";

describe("CSV", () => {
  test("parses quoted fields with commas, doubled quotes and newlines, and CRLF line ends", () => {
    const text = 'sku,name,description\r\nA-1,"Mug, large","He said ""hi""\nthen left"\r\nB-2,Plate,\r\n';
    expect(parseCsv(text)).toEqual([
      ["sku", "name", "description"],
      ["A-1", "Mug, large", 'He said "hi"\nthen left'],
      ["B-2", "Plate", ""],
    ]);
  });

  test("ignores a byte-order mark and blank lines", () => {
    expect(parseCsv("\uFEFFa,b\n\n1,2\n")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  test("writes what it reads back, and defuses spreadsheet formulas", () => {
    const rows = [
      ["name", "note"],
      ["Mug, large", 'say "hi"'],
      ['=HYPERLINK("x")', "plain"],
    ];
    const csv = toCsv(rows);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(parseCsv(csv)).toEqual([
      ["name", "note"],
      ["Mug, large", 'say "hi"'],
      ['\'=HYPERLINK("x")', "plain"],
    ]);
  });
});
