/** Writes schema.graphql from the TypeGraphQL schema (npm run schema). */
import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { currentSchemaSdl } from "../modules";

const target = path.resolve(__dirname, "../../../schema.graphql");
currentSchemaSdl()
  .then((sdl) => {
    fs.writeFileSync(target, sdl);
    console.log(`Wrote ${path.relative(process.cwd(), target)}`);
  })
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
