// Builds the site's files into wwwroot (run by Web.csproj through `npm run build`):
// - js/site.js: Assets/site.mjs with the GOV.UK Frontend modules it imports, bundled and minified by esbuild (and
//   js/check-in-desk.js, the check-in desk's QR reader, from Assets/check-in-desk.mjs);
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

// site.js for every page; check-in-desk.js only for the check-in desk (its QR reader), so no other page pays for it.
await build({
  entryPoints: ["Assets/site.mjs", "Assets/check-in-desk.mjs"],
  outdir: "wwwroot/js",
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
