import { addressLines } from "./address";

describe("addresses in their country's order", () => {
  const base = { name: "Ada Lovelace", line1: "12 St James's Square", line2: null };

  test("the UK: the town, then the postcode on its own line", () => {
    expect(addressLines({ ...base, city: "London", postalCode: "SW1Y 4JH", country: "GB" })).toEqual([
      "Ada Lovelace",
      "12 St James's Square",
      "London",
      "SW1Y 4JH",
      "United Kingdom",
    ]);
  });

  test("the US: town, state and ZIP on one line", () => {
    expect(addressLines({ ...base, line1: "1 Congress Ave", city: "Austin", region: "TX", postalCode: "78701", country: "US" })).toEqual([
      "Ada Lovelace",
      "1 Congress Ave",
      "Austin, TX 78701",
      "United States",
    ]);
  });

  test("Germany: the postcode before the town", () => {
    expect(
      addressLines({ ...base, line1: "Unter den Linden 1", line2: "Hinterhaus", city: "Berlin", postalCode: "10117", country: "DE" }),
    ).toEqual(["Ada Lovelace", "Unter den Linden 1", "Hinterhaus", "10117 Berlin", "Germany"]);
  });
});
