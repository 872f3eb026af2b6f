import { Kind, parse, valueFromASTUntyped, type OperationDefinitionNode } from "graphql";
import { firstQueryOf } from "./early-queries";

/**
 * An early answer is used only when its variables equal those the page's query runs with, and Apollo adds
 * the operation's default values to those: the early query must carry them too, or the page asks again once
 * its code runs before the early answer has arrived (a second Products on a slow phone).
 */
describe("the page's first query, sent early", () => {
  test.each(["/", "/?q=teapot", "/category/tea", "/category/tea?q=green", "/product/12"])(
    "%s carries its operation's default variables",
    (path) => {
      const url = new URL(path, "http://shop.test");
      const first = firstQueryOf({ pathname: url.pathname, search: url.search })!;
      const operation = parse(first.query).definitions.find(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === first.operationName,
      )!;
      const defaults = Object.fromEntries(
        (operation.variableDefinitions ?? [])
          .filter((v) => v.defaultValue)
          .map((v) => [v.variable.name.value, valueFromASTUntyped(v.defaultValue!)]),
      );
      expect(first.variables).toEqual(expect.objectContaining(defaults));
    },
  );
});
