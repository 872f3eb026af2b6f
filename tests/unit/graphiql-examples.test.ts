import fs from "node:fs";
import path from "node:path";
import { buildSchema, parse, validate } from "graphql";
import { exampleTabs } from "../../client/src/graphiql/examples";

test("the GraphQL IDE's example operations are valid against schema.graphql (an integrator's first try works)", () => {
  const schema = buildSchema(fs.readFileSync(path.join(__dirname, "../../schema.graphql"), "utf8"));
  for (const tab of exampleTabs) {
    expect(validate(schema, parse(tab.query)).map((e) => e.message)).toEqual([]);
    expect(() => JSON.parse(tab.variables)).not.toThrow();
  }
});
