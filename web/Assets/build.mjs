// Builds the site's two files into wwwroot (run by Web.csproj through `npm run build`):
// - js/site.js: Assets/site.mjs with the GOV.UK Frontend modules it imports, bundled and minified by esbuild;
// - css/site.css: Assets/site.scss compiled by Sass (compressed), then every rule whose classes no page uses removed
//   by PurgeCSS. The classes are looked for in the pages (*.cshtml) and in the script just built (the classes GOV.UK
//   Frontend's components add as they run), so write a class name whole in a page, never built from pieces.
// Each public page's HTML, CSS and script together must stay within 100 KB decoded (SiteShellTests checks).
import { mkdirSync, writeFileSync, readFileSync } from "node:fs";
import { build } from "esbuild";
import { compile } from "sass";
import { PurgeCSS } from "purgecss";

mkdirSync("wwwroot/js", { recursive: true });
mkdirSync("wwwroot/css", { recursive: true });

await build({
  entryPoints: ["Assets/site.mjs"],
  outfile: "wwwroot/js/site.js",
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2020",
  legalComments: "none",
  logLevel: "error",
});

const compiled = compile("Assets/site.scss", { loadPaths: ["node_modules"], style: "compressed", quietDeps: true });
const [purged] = await new PurgeCSS().purge({
  css: [{ raw: compiled.css }],
  content: [
    "Pages/**/*.cshtml",
    "{Awards,EmailUpdates,Events,News,Volunteering}/**/*.cshtml",
    { raw: readFileSync("wwwroot/js/site.js", "utf8"), extension: "js" },
  ],
  // GOV.UK's override classes carry a "!" (govuk-!-margin-bottom-1): the default extractor would split them.
  defaultExtractor: (text) => text.match(/[\w!:-]+/g) ?? [],
});
writeFileSync("wwwroot/css/site.css", purged.css);
