// GOV.UK Frontend's ES module is served as it is published; only the files the site uses are copied.
import { cpSync, mkdirSync } from "node:fs";

const from = "node_modules/govuk-frontend/dist/govuk";
mkdirSync("wwwroot/lib/govuk", { recursive: true });
cpSync(`${from}/govuk-frontend.min.js`, "wwwroot/lib/govuk/govuk-frontend.min.js");
